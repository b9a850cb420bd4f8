// Appends a released cable to the hash chain, inside the release transaction.
import type { Kysely } from "kysely";
import type { Cable } from "../../core/index.ts";
import type { Database } from "../../store/database.ts";
import { preparedQuery } from "../../store/prepared-query.ts";
import { takeNumbers } from "../workflow/numbering.ts";
import { cableHash, GENESIS_HASH, linkHash } from "./link-hash.ts";
import { signLink, type SigningKey } from "./signing-key.ts";

/** The counter whose row serialises appends: whoever holds it writes the next link. */
const CHAIN_COUNTER = "chain";

/** A cable version to chain. */
export type ChainEntry = { cable: Cable; version: number; supersedes: string | null; at: string };

/**
 * Appends a link for `cable` (as archived) and signs it, so the newest link is always the signed head. Taking the
 * chain counter locks it until the transaction ends, so concurrent releases append one after another.
 * @example await appendLink(tx, key, { cable, version: 1, supersedes: null, at: now }) // { seq: 1, hash: "…" }
 */
export async function appendLink(
  tx: Kysely<Database>,
  key: SigningKey,
  entry: ChainEntry,
): Promise<{ seq: number; hash: string }> {
  const seq = await takeNumbers(tx, CHAIN_COUNTER);
  const prev = seq === 1 ? GENESIS_HASH : (await linkHashAt(tx, seq - 1)).rows[0]?.link_hash;
  if (prev === undefined) throw new Error(`chain link ${seq - 1} is missing`);
  const cableId = entry.cable.id ?? "";
  const contentHash = cableHash(entry.cable);
  const hash = linkHash({ seq, cableId, version: entry.version, cableHash: contentHash, prevHash: prev });
  const signature = signLink(key, hash);
  await insertLink(tx, seq, cableId, entry.version, contentHash, prev, hash, signature, entry.supersedes, entry.at);
  return { seq, hash };
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
