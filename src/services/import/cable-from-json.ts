// Reads one JSON Lines object as an import input: either the Cable JSON itself or `{ "text", "id"?, "year"? }`.
import { CableSchema, parseCableId } from "../../core/index.ts";
import type { BuiltCable, TelegramHints } from "../archive/cable-from-telegram.ts";
import type { ImportProblemCode } from "./import-problems.ts";

/** A telegram still to parse (with its hints), or a cable read from its JSON (or why it is not one). */
export type JsonInput =
  { kind: "telegram"; text: string; hints: TelegramHints } | { kind: "cable"; built: BuiltCable<ImportProblemCode> };

/**
 * Reads one JSON object. `{ "text": ..., "id"?: ..., "year"?: ... }` is a telegram to parse, whose id, when given,
 * wins like an index's; anything else must be the Cable JSON `cablegram parse --json` prints, with an id.
 * @example jsonInput({ text: seedText, id: "08STATE16245" }) // { kind: "telegram", text: seedText, hints: { id: "08STATE16245", ... } }
 * @example jsonInput({ id: 3 }) // { kind: "cable", built: { code: "INVALID_CABLE", detail: "id: Invalid input: expected string, received number" } }
 */
export function jsonInput(value: Record<string, unknown>): JsonInput {
  if (typeof value.text === "string") {
    const id = value.id ?? null;
    const parsed = typeof id === "string" ? parseCableId(id) : null;
    if (id !== null && !parsed) return { kind: "cable", built: { code: "BAD_ID", detail: String(id) } };
    const year = typeof value.year === "number" ? value.year : null;
    return { kind: "telegram", text: value.text, hints: { id: parsed?.id ?? null, year, from: 'the line\'s "id"' } };
  }
  const result = CableSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    return { kind: "cable", built: { code: "INVALID_CABLE", detail: `${where}${issue?.message ?? "invalid"}` } };
  }
  const cable = result.data;
  const parsed = cable.id === null ? null : parseCableId(cable.id);
  if (!parsed) {
    return { kind: "cable", built: { code: "NO_CABLE_ID", ...(cable.id === null ? {} : { detail: `"${cable.id}"` }) } };
  }
  cable.id = parsed.id;
  return { kind: "cable", built: { cable, warnings: [] } };
}
