// A copy arriving from another site is stored once, whatever resends, redeliveries or restarts bring it again:
// the arrival rows, the archived cables (chained in one batch link, so the node's own `cablegram verify` covers what
// it received) and this node's own deliveries, delivered at once (its inbox, its NIACT and FLASH alerts, sent by its
// own dispatcher), are written in one transaction for a whole pulled batch, before the copies are acknowledged to
// JetStream.
import type { Store } from "../../store/open-store.ts";
import { takeNumbers } from "../../store/counters.ts";
import { writeCableRecords } from "../../store/cable-writes.ts";
import type { IndexDoc } from "../../store/search-index.ts";
import { cableRecordOf } from "../archive/cable-record-of.ts";
import { chainArchived, recordHead, storedCableHash, type ChainHead } from "../chain/index.ts";
import type { Clock } from "../clock.ts";
import { deliverArrivals } from "../distribution/enqueue-deliveries.ts";
import type { DeliveredCopies } from "../distribution/deliver-queued.ts";
import type { Dispatcher } from "../distribution/dispatcher.ts";
import { DEFAULT_OBJECTIVES } from "../distribution/handling-objectives.ts";
import type { Cable } from "../../core/index.ts";
import { loadAddresseeDirectory, type AddresseeDirectory, type DirectoryAnswers } from "../directory/index.ts";
import type { CopyPayload } from "./queue-site-copies.ts";
import { loadSitePlan } from "./site-plan-store.ts";

/**
 * What storing a batch did: every copy's cable and origin (for the receipts), how many were new here, by origin
 * (for the communicators' pages), and the deliveries it made (for the dispatcher to tell: events, alerts).
 */
export type StoredArrivals = {
  /** With when the copy reached this node's inbox, where it has: the receipt says so with the storing. */
  stored: { cableId: string; origin: string; at: string; deliveredAt: string | null }[];
  fresh: Map<string, number>;
  delivered: DeliveredCopies;
};

/** A copy's key on this node: one arrival per cable and origin. */
const keyOf = (cableId: string, origin: string) => `${origin}\u0000${cableId}`;

/**
 * Stores a batch of arriving copies, in the order given (the caller puts the most urgent first), in one
 * transaction: each copy not already held gets its arrival row (numbered in that order), its cable archived (an id
 * already archived is kept as it is) and chained, and its deliveries to the posts this node serves delivered, with
 * their alerts raised. `dispatcher`, when given, sets the deadlines (default: the standard objectives) and is told
 * of the deliveries as soon as they are committed (events, alerts sent at once).
 * `directories`, when given, answers addressees resolved for earlier batches from memory (directory-answers.ts).
 * Answers every copy of the batch, held before or not, so the receipt covers resends too; an arrival's row is
 * written as reported delivered where its deliveries were (the caller sends the receipt that says so, and a resend
 * after a crash before it finds the copy held and says so again).
 * @example await storeArrivals({ store, clock }, [payload]) // { stored: [{ cableId: "08STATE16245", ... }], fresh: Map { "STATE" => 1 } }
 */
export async function storeArrivals(
  deps: {
    store: Store;
    clock: Clock;
    directories?: DirectoryAnswers;
    dispatcher?: Pick<Dispatcher, "objectives" | "delivered">;
  },
  copies: CopyPayload[],
): Promise<StoredArrivals> {
  const at = deps.clock.now().toISOString();
  const none: DeliveredCopies = { rows: [], alerts: 0 };
  if (copies.length === 0) return { stored: [], fresh: new Map(), delivered: none };
  // The full-text rows are written once the batch is committed, on the index's own thread: a backlog's store is
  // this node's main thread's work, and indexing was the largest part of it.
  const indexLater: IndexDoc[] = [];
  const { news, head, delivered, deliveredAt } = await deps.store.transaction(async (tx) => {
    const held = new Set<string>();
    const ids = [...new Set(copies.map((c) => c.cable.id!))];
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await tx.db
        .selectFrom("site_arrivals")
        .select(["cable_id", "origin"])
        .where("cable_id", "in", ids.slice(i, i + 500))
        .execute();
      for (const r of rows) held.add(keyOf(r.cable_id, r.origin));
    }
    const news: CopyPayload[] = [];
    const resent: string[] = [];
    for (const copy of copies) {
      const key = keyOf(copy.cable.id!, copy.origin);
      if (held.has(key)) resent.push(copy.cable.id!);
      else news.push(copy);
      held.add(key);
    }
    const deliveredBefore = await deliveredHere(tx, resent);
    if (news.length === 0) return { news, head: null, delivered: none, deliveredAt: deliveredBefore };
    const { written } = await writeCableRecords(
      tx,
      news.map((copy) => cableRecordOf(copy.cable, null, `site:${copy.origin}`, at)),
      { deferIndex: indexLater },
    );
    const head = await chainArchived(
      tx,
      written.map((r) => ({ cableId: r.id, hash: storedCableHash(r) })),
    );
    // The plan, and the directory of the batch's addressees as of each release date, read once for the batch.
    const plan = await loadSitePlan(tx.db);
    const byDate = new Map<string, Promise<AddresseeDirectory>>();
    const directoryOf = (cable: Cable) => {
      const date = cable.dtg?.slice(0, 10) ?? "";
      let directory = byDate.get(date);
      if (!directory) {
        const refs = news
          .filter((c) => (c.cable.dtg?.slice(0, 10) ?? "") === date)
          .flatMap((c) => [...c.cable.to, ...c.cable.info, ...c.cable.exclusions]);
        directory = deps.directories
          ? deps.directories.load(tx.db, refs, date || undefined)
          : loadAddresseeDirectory(tx.db, refs, date || undefined);
        byDate.set(date, directory);
      }
      return directory;
    };
    const arrivals = [];
    for (const { cable, actionRequests } of news) {
      arrivals.push({ cable, actionRequests, directory: await directoryOf(cable), plan });
    }
    const delivered = await deliverArrivals(
      tx,
      arrivals,
      deps.clock,
      deps.dispatcher?.objectives ?? DEFAULT_OBJECTIVES,
    );
    // Numbered in the order given; reported delivered where this transaction delivered the copy.
    const deliveredNow = new Map(delivered.rows.map((r) => [r.cable_id, r.delivered_at!]));
    const first = await takeNumbers(tx.db, "site-arrivals", news.length);
    const rows = news.map((copy, i) => ({
      cable_id: copy.cable.id!,
      origin: copy.origin,
      seq: copy.seq,
      precedence: copy.precedence,
      stored_at: at,
      arrival: first + i,
      reported: deliveredNow.has(copy.cable.id!) ? "delivered" : "stored",
      // Kept whole, not narrowed to this node's posts: an origin that lost the release gets them back (resync.ts).
      action_requests: JSON.stringify(copy.actionRequests ?? []),
    }));
    for (let i = 0; i < rows.length; i += 100) {
      await tx.db
        .insertInto("site_arrivals")
        .values(rows.slice(i, i + 100))
        .execute();
    }
    return { news, head, delivered, deliveredAt: new Map([...deliveredBefore, ...deliveredNow]) };
  });
  // The inboxes hold the copies from the commit on: their readers hear of them before the files below are written.
  void deps.dispatcher?.delivered(delivered);
  // The operator's copy of the chain's head moves on once the link is committed (trust-file.ts).
  if (head !== null) recordHead(deps.store, head as ChainHead);
  await deps.store.searchIndex.later(indexLater);
  const fresh = new Map<string, number>();
  for (const copy of news) fresh.set(copy.origin, (fresh.get(copy.origin) ?? 0) + 1);
  const stored = copies.map((c) => ({
    cableId: c.cable.id!,
    origin: c.origin,
    at,
    deliveredAt: deliveredAt.get(c.cable.id!) ?? null,
  }));
  return { stored, fresh, delivered };
}

/** When each of `cableIds` reached this node's inbox (its earliest copy), for those that have. */
async function deliveredHere(tx: Store, cableIds: string[]): Promise<Map<string, string>> {
  const times = new Map<string, string>();
  for (let i = 0; i < cableIds.length; i += 500) {
    const rows = await tx.db
      .selectFrom("deliveries")
      .select((eb) => ["cable_id", eb.fn.min("delivered_at").as("at")])
      .where("cable_id", "in", cableIds.slice(i, i + 500))
      .where("slugged_from", "is", null)
      .where("delivered_at", "is not", null)
      .groupBy("cable_id")
      .execute();
    for (const r of rows) times.set(r.cable_id, String(r.at));
  }
  return times;
}
