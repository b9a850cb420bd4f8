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
