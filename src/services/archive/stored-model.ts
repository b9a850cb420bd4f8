// A cable's model as the archive stores it: its JSON, or for a telegram import only the hints its verbatim text
// was parsed with (migration 0014), the text being kept anyway. Reading parses that text again.
import type { Cable } from "../../core/index.ts";
import { cableFromTelegram, type TelegramHints } from "./cable-from-telegram.ts";
import { decodeModel } from "./archived-cable.ts";

/** The stored columns a model is read back from (`cable_texts`). */
export type StoredModel = { model: string; raw: string | null; parse_hints: string | null };

/**
 * The hints of a telegram import as stored beside its text: just what `cableFromTelegram` reads, so that parsing
 * the text with them again gives the same cable.
 * @example encodeHints({ id: "08STATE16245", from: "index.jsonl" }) // '{"id":"08STATE16245","from":"index.jsonl"}'
 */
export function encodeHints(hints: TelegramHints): string {
  const { id, year, created, classification, from } = hints;
  return JSON.stringify({ id, year, created, classification, from });
}

/**
 * The model of an archived cable: decoded from its JSON, or parsed again from its verbatim text with the hints it
 * was imported with. The parser is deterministic, so that is the model the import archived, columns and index
 * alike. Throws when a stored text no longer parses, which only a changed
 * parser could cause.
 * @example modelOf({ model: "", raw: seedText, parse_hints: '{"from":"the import"}' }).id // "08STATE16245"
 */
export function modelOf(row: StoredModel): Cable {
  if (row.parse_hints === null) return decodeModel(row.model);
  const built = cableFromTelegram(row.raw ?? "", JSON.parse(row.parse_hints) as TelegramHints);
  if ("code" in built) {
    throw new Error(`an archived telegram no longer parses (${built.code}${built.detail ? `: ${built.detail}` : ""})`);
  }
  return built.cable;
}
