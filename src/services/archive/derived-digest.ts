// What an archived telegram's record derives beyond its columns, kept as hashes: the addressees (only in the search
// row's words), the body and the search row as a whole. A later parser's record is compared with them to tell which
// of these changed (rederiveArchive), without keeping a second copy of the text.
import { createHash } from "node:crypto";
import type { Cable } from "../../core/index.ts";

/** The hashed parts of a record, by name. */
export type DerivedDigest = { addressees: string; body: string; search: string };

/** Hex characters of each hash kept: a chance change going unseen is out of reach. */
const LENGTH = 16;

/**
 * The digest of a cable's derived parts, `search` being the row the search index holds (subject, body, words).
 * @example derivedDigest(cable, record.fts).addressees // "9b1f0c2e7d3a4456"
 */
export function derivedDigest(cable: Cable, search: { subject: string; body: string; meta: string }): DerivedDigest {
  const addressees = [...cable.to.map((a) => ["to", a] as const), ...cable.info.map((a) => ["info", a] as const)];
  return {
    addressees: hashOf(addressees.map(([kind, a]) => [kind, a.precedence, a.route, a.name])),
    body: hashOf([cable.body]),
    search: hashOf([search.subject, search.body, search.meta]),
  };
}

/**
 * The digest as stored (`cable_texts.derived_digest`).
 * @example encodeDigest({ addressees: "a1", body: "b2", search: "c3" }) // '{"addressees":"a1","body":"b2","search":"c3"}'
 */
export function encodeDigest(digest: DerivedDigest): string {
  return JSON.stringify({ addressees: digest.addressees, body: digest.body, search: digest.search });
}

/**
 * The stored digest read back; null when none was stored (a record derived before digests were) or it is unreadable.
 * @example decodeDigest(null) // null
 */
export function decodeDigest(stored: string | null): DerivedDigest | null {
  if (stored === null) return null;
  try {
    const d = JSON.parse(stored) as Partial<DerivedDigest>;
    if (typeof d.addressees !== "string" || typeof d.body !== "string" || typeof d.search !== "string") return null;
    return { addressees: d.addressees, body: d.body, search: d.search };
  } catch {
    return null;
  }
}

function hashOf(parts: unknown[]): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, LENGTH);
}
