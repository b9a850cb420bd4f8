// Appends to the hash chain: a released cable's link inside the release transaction, or a batch link covering the
// cables an import archived. Each append signs the link and the chain's new head.
import type { Kysely } from "kysely";
import type { Cable } from "../../core/index.ts";
import type { Database } from "../../store/database.ts";
import { preparedQuery } from "../../store/prepared-query.ts";
import { takeNumbers } from "../../store/counters.ts";
import { batchHash, cableHash, GENESIS_HASH, linkHash } from "./link-hash.ts";
import { writeSignedHead } from "./signed-head.ts";
import { signLink, type SigningKey } from "./signing-key.ts";
import type { ChainHead } from "./trust-file.ts";

/** The counter whose row serialises appends: whoever holds it writes the next link. */
const CHAIN_COUNTER = "chain";
/** Rows of chain_cables per insert statement: within both dialects' bound-parameter limits. */
const CABLE_ROWS = 1000;

/** A cable version to chain. */
export type ChainEntry = { cable: Cable; version: number; supersedes: string | null; at: string };

/** An archived cable a batch link covers: its id and the hash of its stored form (`storedCableHash`). */
export type BatchEntry = { cableId: string; hash: string };

/**
 * Appends a link for `cable` (as archived) and signs it and the new head. Taking the chain counter locks it until
 * the transaction ends, so concurrent appends go one after another.
 * @example await appendLink(tx, key, { cable, version: 1, supersedes: null, at: now }) // { links: 1, head: "…" }
 */
export async function appendLink(tx: Kysely<Database>, key: SigningKey, entry: ChainEntry): Promise<ChainHead> {
  const { cable, version, supersedes, at } = entry;
  return append(tx, key, () => ({ cableId: cable.id ?? "", version, cableHash: cableHash(cable), supersedes, at }));
}

/**
 * Appends one link covering `entries` (version 0, cable id `batch:<seq>`), listing each cable with its hash in
 * chain_cables, and signs it and the new head.
 * @example await appendBatch(tx, key, [{ cableId: "08STATE16245", hash }], now) // { links: 2, head: "…" }
 */
export async function appendBatch(
  tx: Kysely<Database>,
  key: SigningKey,
  entries: readonly BatchEntry[],
  at: string,
): Promise<ChainHead> {
  const head = await append(tx, key, (seq) => ({
    cableId: `batch:${seq}`,
    version: 0,
    cableHash: batchHash(entries),
    supersedes: null,
    at,
  }));
  for (let i = 0; i < entries.length; i += CABLE_ROWS) {
    const rows = entries.slice(i, i + CABLE_ROWS).map((e) => ({
      cable_id: e.cableId,
      link_seq: head.links,
      cable_hash: e.hash,
    }));
    await tx.insertInto("chain_cables").values(rows).execute();
  }
  return head;
}

/**
 * Appends a link for a record that is not an archived cable (a declassification review: review-link.ts), under
 * its own id and content hash, version 1.
 * @example await appendRecordLink(tx, key, { cableId: "review:0190…", cableHash, at: now })
 */
export async function appendRecordLink(
  tx: Kysely<Database>,
  key: SigningKey,
  link: { cableId: string; cableHash: string; at: string },
): Promise<ChainHead> {
  return append(tx, key, () => ({ ...link, version: 1, supersedes: null }));
}

type NewLink = { cableId: string; version: number; cableHash: string; supersedes: string | null; at: string };

async function append(tx: Kysely<Database>, key: SigningKey, make: (seq: number) => NewLink): Promise<ChainHead> {
  const seq = await takeNumbers(tx, CHAIN_COUNTER);
  const prev = seq === 1 ? GENESIS_HASH : (await linkHashAt(tx, seq - 1)).rows[0]?.link_hash;
  if (prev === undefined) throw new Error(`chain link ${seq - 1} is missing; run cablegram verify`);
  const link = make(seq);
  const hash = linkHash({
    seq,
    cableId: link.cableId,
    version: link.version,
    cableHash: link.cableHash,
    prevHash: prev,
  });
  const signature = signLink(key, hash);
  await insertLink(
    tx,
    seq,
    link.cableId,
    link.version,
    link.cableHash,
    prev,
    hash,
    signature,
    link.supersedes,
    link.at,
  );
  await writeSignedHead(tx, key, { links: seq, head: hash });
  return { links: seq, head: hash };
}

// Every release appends a link: compiled once.
const linkHashAt = preparedQuery((tx, seq: number) =>
  tx.selectFrom("chain_links").select("link_hash").where("seq", "=", seq),
);
const insertLink = preparedQuery(
  (
    tx,
    seq: number,
    cableId: string,
    version: number,
    cableHash: string,
    prevHash: string,
    linkHash: string,
    signature: string,
    supersedes: string | null,
    at: string,
  ) =>
    tx.insertInto("chain_links").values({
      seq,
      cable_id: cableId,
      version,
      cable_hash: cableHash,
      prev_hash: prevHash,
      link_hash: linkHash,
      signature,
      supersedes,
      at,
    }),
);

/**
 * The version a correction of `cableId` takes: one more than the chained version of the cable it supersedes.
 * @example await nextVersion(tx, "08STATE16245") // 2
 */
export async function nextVersion(tx: Kysely<Database>, supersedes: string | null): Promise<number> {
  if (supersedes === null) return 1;
  const row = await tx
    .selectFrom("chain_links")
    .select("version")
    .where("cable_id", "=", supersedes)
    .executeTakeFirst();
  return (row ? Number(row.version) : 1) + 1;
}
