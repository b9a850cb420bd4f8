// Chains archived cables that are not released ones: each import batch as it is stored, and, once, the cables an
// archive held before imports were chained (or that an import stored and was killed before chaining).
import { sql } from "kysely";
import type { Store } from "../../store/open-store.ts";
import { appendBatch, type BatchEntry } from "./append-link.ts";
import { storedCableHash } from "./link-hash.ts";
import { signingKey } from "./signing-key.ts";
import { recordHead, type ChainHead } from "./trust-file.ts";

/** Cables per batch link when chaining what an archive holds unchained. */
const PAGE = 2000;

/**
 * Appends one batch link covering `entries`, in a transaction of its own (or the caller's), then moves the trust
 * file's head forward. Nothing to chain appends nothing.
 * @example await chainArchived(store, [{ cableId: "08STATE16245", hash: storedCableHash(record) }])
 */
export async function chainArchived(store: Store, entries: readonly BatchEntry[]): Promise<ChainHead | null> {
  if (entries.length === 0) return null;
  const key = await signingKey(store);
  const at = new Date().toISOString();
  const head = store.db.isTransaction
    ? await appendBatch(store.db, key, entries, at)
    : await store.db.transaction().execute((tx) => appendBatch(tx, key, entries, at));
  if (!store.db.isTransaction) recordHead(store, head);
  return head;
}

/**
 * Chains every archived cable that is in no link, a batch link per PAGE of them, hashing each as stored. Answers
 * how many it chained; `onProgress(done, total)` follows it.
 * @example await chainUnchained(store) // 1297 on the first start of an archive from before imports were chained
 */
export async function chainUnchained(
  store: Store,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const unchained = unchainedCables(store);
  const counted = await unchained.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirst();
  const total = Number(counted?.n ?? 0);
  let done = 0;
  while (done < total) {
    const rows = await unchained
      .innerJoin("cable_texts as t", "t.seq", "c.seq")
      .select(["c.id", "t.model", "t.raw", "t.parse_hints"])
      .orderBy("c.seq")
      .limit(PAGE)
      .execute();
    if (rows.length === 0) break;
    await chainArchived(
      store,
      rows.map((r) => ({
        cableId: r.id,
        hash: storedCableHash({ model: r.model, raw: r.raw, parseHints: r.parse_hints }),
      })),
    );
    done += rows.length;
    onProgress?.(Math.min(done, total), total);
  }
  return done;
}

/**
 * The archived cables no link covers (neither a release's own link nor a batch link), as a query on `cables as c`.
 * @example await unchainedCables(store).select("c.id").execute() // [] once everything is chained
 */
export function unchainedCables(store: Store) {
  return store.db
    .selectFrom("cables as c")
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("chain_cables as k")
            .select(sql`1`.as("one"))
            .whereRef("k.cable_id", "=", "c.id"),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("chain_links as l")
            .select(sql`1`.as("one"))
            .whereRef("l.cable_id", "=", "c.id"),
        ),
      ),
    );
}
