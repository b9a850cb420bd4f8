// Appends a released cable to the hash chain, inside the release transaction.
import type { Kysely } from "kysely";
import type { Cable } from "../../core/index.ts";
import type { Database } from "../../store/database.ts";
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
  const prev =
    seq === 1
      ? GENESIS_HASH
      : (
          await tx
            .selectFrom("chain_links")
            .select("link_hash")
            .where("seq", "=", seq - 1)
            .executeTakeFirstOrThrow()
        ).link_hash;
  const cableId = entry.cable.id ?? "";
  const contentHash = cableHash(entry.cable);
  const hash = linkHash({ seq, cableId, version: entry.version, cableHash: contentHash, prevHash: prev });
  await tx
    .insertInto("chain_links")
    .values({
      seq,
      cable_id: cableId,
      version: entry.version,
      cable_hash: contentHash,
      prev_hash: prev,
      link_hash: hash,
      signature: signLink(key, hash),
      supersedes: entry.supersedes,
      at: entry.at,
    })
    .execute();
  return { seq, hash };
}

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
