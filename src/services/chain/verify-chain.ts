// Checks the whole chain: every link's hashes and signature, and every chained cable's stored bytes.
import type { Store } from "../../store/open-store.ts";
import { decodeModel, encodeModel } from "../archive/archived-cable.ts";
import { cableRecordOf } from "../archive/cable-record-of.ts";
import { cableHash, GENESIS_HASH, linkHash } from "./link-hash.ts";
import { chainPublicKey, checkSignature } from "./signing-key.ts";

/** The verdict: intact (with the head), or the first link whose cable or link was altered, and how. */
export type ChainVerdict =
  | { ok: true; links: number; head: string | null }
  | { ok: false; links: number; seq: number; cableId: string; reason: string };

const PAGE = 500;

/**
 * Walks the chain from its first link. For each: the link follows the one before, its hash is recomputed, its
 * signature checks against the installation key, and the archived cable (model bytes, search columns, original
 * text) still hashes to what was chained. Names the first cable that fails.
 * @example await verifyChain(store) // { ok: true, links: 3, head: "9f2c…" }
 */
export async function verifyChain(store: Store): Promise<ChainVerdict> {
  const publicKey = await chainPublicKey(store);
  let prev = GENESIS_HASH;
  let expected = 1;
  for (;;) {
    const rows = await store.db
      .selectFrom("chain_links as l")
      .leftJoin("cables as c", "c.id", "l.cable_id")
      .leftJoin("cable_texts as t", "t.seq", "c.seq")
      .select([
        "l.seq",
        "l.cable_id",
        "l.version",
        "l.cable_hash",
        "l.prev_hash",
        "l.link_hash",
        "l.signature",
        "t.model",
        "t.raw",
        "c.subject",
        "c.dtg",
        "c.origin",
        "c.classification",
        "c.class_rank",
        "c.precedence",
        "c.source",
      ])
      .where("l.seq", ">=", expected)
      .orderBy("l.seq")
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      const seq = Number(row.seq);
      const fail = (reason: string): ChainVerdict => ({
        ok: false,
        links: expected - 1,
        seq,
        cableId: row.cable_id,
        reason,
      });
      if (seq !== expected) return fail(`link ${expected} is missing`);
      if (row.prev_hash !== prev) return fail("the link does not follow the one before");
      const fields = {
        seq,
        cableId: row.cable_id,
        version: Number(row.version),
        cableHash: row.cable_hash,
        prevHash: row.prev_hash,
      };
      if (linkHash(fields) !== row.link_hash) return fail("the link's hash does not match its fields");
      if (!publicKey || !checkSignature(publicKey, row.link_hash, row.signature)) {
        return fail("the link's signature does not check against the installation key");
      }
      if (row.model === null) return fail("the cable is missing from the archive");
      const problem = storedCableProblem(row);
      if (problem) return fail(problem);
      prev = row.link_hash;
      expected++;
    }
    if (rows.length < PAGE) break;
  }
  return { ok: true, links: expected - 1, head: expected === 1 ? null : prev };
}

type StoredRow = {
  cable_hash: string;
  model: string | null;
  raw: string | null;
  subject: string | null;
  dtg: string | null;
  origin: string | null;
  classification: string | null;
  class_rank: number | null;
  precedence: string | null;
  source: string | null;
};

/** Why a stored cable no longer matches its link, or null when it does. */
function storedCableProblem(row: StoredRow): string | null {
  let cable;
  try {
    cable = decodeModel(row.model ?? "");
  } catch {
    return "the stored cable is not readable JSON any more";
  }
  // Re-encoding gives the stored bytes back exactly, so any changed byte shows, even one the hash would not see.
  if (encodeModel(cable) !== row.model) return "the stored cable's bytes were changed";
  if (cableHash(cable) !== row.cable_hash) return "the stored cable's content does not hash to the chained hash";
  if (row.raw !== null) return "original text was added to a cable released in Cablegram";
  const record = cableRecordOf(cable, null, row.source, "");
  const columns: [string, unknown, unknown][] = [
    ["subject", row.subject, record.subject],
    ["dtg", row.dtg, record.dtg],
    ["origin", row.origin, record.origin],
    ["classification", row.classification, record.classification],
    ["class_rank", Number(row.class_rank), record.classRank],
    ["precedence", row.precedence, record.precedence],
  ];
  const changed = columns.find(([, stored, model]) => stored !== model);
  return changed ? `the archive's ${changed[0]} column no longer matches the cable` : null;
}
