// Receipts: what a destination tells the origin about each copy (stored, delivered to the inbox, acknowledged by
// a person, with times), and the hello a node sends when it starts, naming the last channel number up to which it
// holds every copy, so that an origin sends again what a database restored from an older backup has lost.
import { sql } from "kysely";
import { COPY_STAGES, contiguousHigh, stageRank, type CopyStage } from "../../core/sites.ts";
import type { Store } from "../../store/open-store.ts";
import { recordHead, type ChainHead } from "../chain/index.ts";
import { relearnCopies, type RecoveredCopy } from "./resync.ts";
import { finishResync } from "./resync-marks.ts";

/** One copy's news: its stage and when it got there (and who acknowledged it). */
export type ReceiptItem = { cable: string; stage: "stored" | "delivered" | "acknowledged"; at: string; by?: string };

/**
 * A receipt message from `from`: items; on a start, the hello (the channel number it holds everything up to, and
 * what it asks to re-learn: resync.ts), the latter alone when it asks again; in answer, the copies the asker lost.
 */
export type Receipt = {
  from: string;
  items: ReceiptItem[];
  hello?: number;
  /** When the hello was written, by the clock of its sender: copies it stored since then need no resend. */
  helloAt?: string;
  sent?: number;
  settled?: number;
  recovered?: RecoveredCopy[];
  /** On the last receipt of an answer to a hello: the asker has heard all of it, and may send that site new copies. */
  done?: boolean;
};

/** Cable ids per UPDATE: within both dialects' bound-parameter limits. */
const IDS_PER_UPDATE = 500;

/**
 * Applies receipts at the origin `here`, in one transaction: copies it lost and the destination still holds are
 * taken back (resync.ts); each copy moves forward to the stage named (never back, never out of cancelled), its time
 * kept once set, the copies a receipt names at the same stage and time in one statement. A hello queues again every
 * copy to that site numbered above what it holds, but those it has stored since. The last receipt of an answer
 * ends the resync with its site, numbering the copies held for it (resync-marks.ts). Answers how many copies it
 * queued again or released to be sent.
 * @example await applyReceipts(store, "STATE", [{ from: "PANAMA", items: [{ cable: "08STATE16245", stage: "stored", at }] }])
 */
export async function applyReceipts(store: Store, here: string, receipts: readonly Receipt[]): Promise<number> {
  const now = new Date().toISOString();
  let head: ChainHead | null = null;
  const again = await store.transaction(async (tx) => {
    let again = 0;
    for (const receipt of receipts) {
      if (receipt.recovered) head = (await relearnCopies(tx, here, receipt.from, receipt.recovered, now)) ?? head;
      const groups = new Map<string, { item: ReceiptItem; ids: string[] }>();
      for (const item of receipt.items) {
        const key = JSON.stringify([item.stage, item.at, item.by ?? null]);
        const group = groups.get(key) ?? { item, ids: [] };
        group.ids.push(item.cable);
        groups.set(key, group);
      }
      for (const { item, ids } of groups.values()) {
        for (let i = 0; i < ids.length; i += IDS_PER_UPDATE) {
          await moveForward(tx, receipt.from, item, ids.slice(i, i + IDS_PER_UPDATE));
        }
      }
      if (receipt.done) again += await finishResync(tx, here, receipt.from, now);
      if (receipt.hello === undefined) continue;
      const queued = await tx.db
        .updateTable("site_copies")
        .set((eb) => ({ state: "queued", attempt: eb("attempt", "+", 1), stored_at: null, delivered_at: null }))
        .where("site", "=", receipt.from)
        .where("seq", ">", receipt.hello)
        .where("state", "in", ["sent", "stored", "delivered", "acknowledged"])
        // A hello read late must not send again what the site has stored since it wrote it.
        .$if(receipt.helloAt !== undefined, (q) =>
          q.where((eb) => eb.or([eb("stored_at", "is", null), eb("stored_at", "<", receipt.helloAt!)])),
        )
        .executeTakeFirst();
      again += Number(queued.numUpdatedRows);
    }
    return again;
  });
  // The operator's copy of the chain's head moves on once the link is committed (trust-file.ts).
  if (head !== null) recordHead(store, head);
  return again;
}

/** Moves the copies of `ids` to `site` forward to the stage of `item`. */
async function moveForward(tx: Store, site: string, item: ReceiptItem, ids: string[]): Promise<void> {
  const column = `${item.stage === "acknowledged" ? "acked" : item.stage}_at` as const;
  const later = COPY_STAGES.filter((s) => stageRank(s) >= stageRank(item.stage));
  await tx.db
    .updateTable("site_copies")
    .set((eb) => ({
      [column]: eb.fn.coalesce(column, eb.val(item.at)),
      ...(item.stage === "acknowledged" && item.by ? { acked_by: item.by } : {}),
      // A receipt can outrun the forwarder's own note that the copy was sent.
      sent_at: eb.fn.coalesce("sent_at", eb.val(item.at)),
      state: sql<CopyStage>`case when state in (${sql.join(later)}) or state = 'cancelled' then state else ${item.stage} end`,
    }))
    .where("cable_id", "in", ids)
    .where("site", "=", site)
    .execute();
}

/**
 * The hello this node sends `origin` on starting: the channel number up to which it holds every copy from there.
 * @example await helloFor(store, "STATE") // 41
 */
export async function helloFor(store: Store, origin: string): Promise<number> {
  const rows = await store.db.selectFrom("site_arrivals").select("seq").where("origin", "=", origin).execute();
  return contiguousHigh(rows.map((r) => Number(r.seq)));
}

/**
 * Which acknowledgements a pass looks for: none (the passes after each arrival report deliveries alone), every copy
 * not yet reported acknowledged (`"all"`: the first beat after a start), or the copies with a delivery acknowledged
 * at or after a time (the later beats: an indexed few, however many copies the node has ever received).
 */
export type AcksWanted = "none" | "all" | { since: string };

/**
 * The receipts this node owes its origins for copies that reached the inbox or a person since it last said so,
 * up to `limit` copies: by origin, with the stage each reached. `markReported` records them once sent.
 * @example const owed = await progressOwed(store, 500, "all") // Map { "STATE" => [{ cable, stage: "delivered", at }] }
 */
export async function progressOwed(store: Store, limit: number, acks: AcksWanted): Promise<Map<string, ReceiptItem[]>> {
  const progress = (reported: "stored" | "not acknowledged", ackedSince: string | null) =>
    store.db
      .selectFrom("site_arrivals as a")
      .innerJoin("deliveries as d", "d.cable_id", "a.cable_id")
      .select((eb) => [
        "a.cable_id",
        "a.origin",
        "a.reported",
        eb.fn.min("d.delivered_at").as("delivered_at"),
        eb.fn.min("d.acked_at").as("acked_at"),
        eb.fn.max("d.acked_by").as("acked_by"),
      ])
      .$if(reported === "stored", (q) => q.where("a.reported", "=", "stored"))
      .$if(reported !== "stored", (q) => q.where("a.reported", "!=", "acknowledged"))
      // The copies found from the deliveries acknowledged lately (an index on acked_at), not from every arrival.
      .$if(ackedSince !== null, (q) =>
        q.where("a.cable_id", "in", (eb) =>
          eb.selectFrom("deliveries").select("cable_id").where("acked_at", ">=", ackedSince!),
        ),
      )
      .where("d.slugged_from", "is", null)
      .groupBy(["a.cable_id", "a.origin", "a.reported"])
      // Only what is owed, so the limit never fills with copies that have nothing new to report.
      .having((eb) =>
        eb.or([
          eb(eb.fn.min("d.acked_at"), "is not", null),
          eb.and([eb(eb.fn.min("d.delivered_at"), "is not", null), eb("a.reported", "=", "stored")]),
        ]),
      )
      .limit(limit)
      .execute();
  const rows =
    acks === "all"
      ? await progress("not acknowledged", null)
      : [
          ...(acks === "none" ? [] : await progress("not acknowledged", acks.since)),
          ...(await progress("stored", null)),
        ];
  const owed = new Map<string, ReceiptItem[]>();
  const seen = new Set<string>();
  for (const r of rows) {
    const key = `${r.origin}\u0000${r.cable_id}`;
    if (seen.has(key)) continue;
    const item: ReceiptItem | null =
      r.acked_at !== null
        ? { cable: r.cable_id, stage: "acknowledged", at: r.acked_at, ...(r.acked_by ? { by: r.acked_by } : {}) }
        : r.delivered_at !== null && r.reported === "stored"
          ? { cable: r.cable_id, stage: "delivered", at: r.delivered_at }
          : null;
    if (item === null) continue;
    seen.add(key);
    owed.set(r.origin, [...(owed.get(r.origin) ?? []), item]);
  }
  return owed;
}

/** Records that `items` were reported to `origin`. */
export async function markReported(store: Store, origin: string, items: ReceiptItem[]): Promise<void> {
  for (const stage of ["delivered", "acknowledged"] as const) {
    const ids = items.filter((i) => i.stage === stage).map((i) => i.cable);
    if (ids.length === 0) continue;
    await store.db
      .updateTable("site_arrivals")
      .set({ reported: stage })
      .where("origin", "=", origin)
      .where("cable_id", "in", ids)
      .execute();
  }
}
