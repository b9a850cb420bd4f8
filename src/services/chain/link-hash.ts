// The hashes of the chain: of a cable's content, and of a link (which binds it to the link before).
import { createHash } from "node:crypto";
import type { Cable } from "../../core/index.ts";
import { canonicalJson } from "./canonical-json.ts";

/** The previous hash of the first link. */
export const GENESIS_HASH = "0".repeat(64);

/**
 * SHA-256 (hex) of a cable's canonical JSON: equal for equal content, whatever the key order.
 * @example cableHash(cable).length // 64
 */
export function cableHash(cable: Cable): string {
  return createHash("sha256").update(canonicalJson(cable)).digest("hex");
}

/** What a link binds together. */
export type LinkFields = { seq: number; cableId: string; version: number; cableHash: string; prevHash: string };

/**
 * SHA-256 (hex) over a link's position, cable id, version, content hash and the previous link's hash.
 * @example linkHash({ seq: 1, cableId: "24STATE1", version: 1, cableHash: h, prevHash: GENESIS_HASH })
 */
export function linkHash(link: LinkFields): string {
  return createHash("sha256")
    .update(canonicalJson({ seq: link.seq, cableId: link.cableId, version: link.version, cable: link.cableHash }))
    .update(link.prevHash)
    .digest("hex");
}

/** A cable as the archive stores it: the columns its model is read back from (stored-model.ts). */
export type StoredForm = { model: string; raw: string | null; parseHints: string | null };

/**
 * SHA-256 (hex) of a cable's stored form, which is what an import chains: its model is read back from exactly these
 * (parsed again from the verbatim text when `parseHints` is set), so the hash covers every column derived from it.
 * Hashing the bytes costs an import no parse.
 * @example storedCableHash({ model: "", raw: text, parseHints: '{"from":"index.jsonl"}' }).length // 64
 */
export function storedCableHash(stored: StoredForm): string {
  // Each part prefixed by its length (-1 for null), so no two stored forms give the same bytes; no JSON escaping
  // of the whole telegram text.
  const hash = createHash("sha256");
  for (const part of [stored.model, stored.raw, stored.parseHints]) {
    hash.update(`${part === null ? -1 : part.length}:`).update(part ?? "");
  }
  return hash.digest("hex");
}

/**
 * SHA-256 (hex) of a batch link's cables: their ids and stored hashes, in id order, so the link binds each of them.
 * @example batchHash([{ cableId: "08STATE16245", hash: h }]).length // 64
 */
export function batchHash(entries: readonly { cableId: string; hash: string }[]): string {
  const sorted = [...entries].sort((a, b) => (a.cableId < b.cableId ? -1 : a.cableId > b.cableId ? 1 : 0));
  return createHash("sha256")
    .update(canonicalJson(sorted.map((e) => [e.cableId, e.hash])))
    .digest("hex");
}
