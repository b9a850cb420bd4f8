// What a node restored from an older backup re-learns from the sites it sends to. Its hello tells each destination
// how far its own channel there goes (`sent`) and from where its tracking is unsure (`settled`: below the oldest
// copy it still believes queued or in transit). The destination answers with the stage of every copy it holds above
// `settled`, and the whole copy of any above `sent`: releases the node lost with its database, which it archives
// and chains again, tracks again, delivers again to its own addressees and tasks again, and numbers its channel past,
// so a new copy never reuses a channel number. The answer's last receipt says it is the last (resync-marks.ts).
import { precedenceRank, type Cable, type Precedence } from "../../core/index.ts";
import type { ActionRequest } from "../../core/action-request.ts";
import type { Store } from "../../store/open-store.ts";
import { takeNumbers } from "../../store/counters.ts";
import { writeCableRecords } from "../../store/cable-writes.ts";
import { cableRecordOf } from "../archive/cable-record-of.ts";
import { modelOf } from "../archive/stored-model.ts";
import { chainArchived, storedCableHash, type ChainHead } from "../chain/index.ts";
import { loadAddresseeDirectory } from "../directory/index.ts";
import { enqueueDeliveries } from "../distribution/enqueue-deliveries.ts";
import { pendingResyncSent } from "./resync-marks.ts";
import { loadSitePlan } from "./site-plan-store.ts";
import { channelKey, insertSiteCopy } from "./queue-site-copies.ts";
import type { Receipt, ReceiptItem } from "./receipts.ts";

/**
 * A copy the destination holds that its origin lost: its channel number, precedence, cable, when it arrived, and
 * the action requests it carried (absent for a copy stored before the destination kept them).
 */
export type RecoveredCopy = {
  seq: number;
  precedence: Precedence;
  cable: Cable;
  storedAt: string;
  actionRequests?: ActionRequest[];
};

/** What a hello asks the destination, beside what it holds itself. */
export type ResyncAsk = { sent: number; settled: number };

/** Items and copies per answering receipt: well within NATS's payload limit. */
const ITEMS_PER_RECEIPT = 500;
const COPIES_PER_RECEIPT = 50;
/** The most copies an answer covers: beyond, the communicator's page shows what is still unsure. */
const ANSWER_LIMIT = 10_000;

/**
 * What this node's hello to `site` asks: its channel there (as the pending resync's mark has it: copies numbered
 * since are held here, unsent), and the number below its oldest copy still queued or in transit (a restored
 * database may hold as queued what has long been delivered).
 * @example await resyncAsk(store, "STATE", "PANAMA") // { sent: 41, settled: 37 }
 */
export async function resyncAsk(store: Store, here: string, site: string): Promise<ResyncAsk> {
  const counter = await store.db
    .selectFrom("message_counters")
    .select("value")
    .where("key", "=", channelKey(here, site))
    .executeTakeFirst();
  const sent = (await pendingResyncSent(store.db, site)) ?? Number(counter?.value ?? 0);
  const oldest = await store.db
    .selectFrom("site_copies")
    .select((eb) => eb.fn.min("seq").as("seq"))
    .where("site", "=", site)
    .where("state", "in", ["queued", "sent"])
    .executeTakeFirst();
  const settled = oldest?.seq == null ? sent : Math.min(sent, Number(oldest.seq) - 1);
  return { sent, settled };
}

/**
 * The receipts answering `origin`'s hello: the whole copies held from it above `sent`, oldest first, then the stage
 * of each copy held from it above `settled` (stored, delivered to the inbox, acknowledged); the last receipt says
 * `done`, so an answer with nothing in it still ends the origin's wait.
 * @example await resyncAnswer(store, "PANAMA", "STATE", { sent: 30, settled: 28 }) // [{ from: "PANAMA", items: [...] }, ..., { ..., done: true }]
 */
export async function resyncAnswer(store: Store, here: string, origin: string, ask: ResyncAsk): Promise<Receipt[]> {
  const held = await store.db
    .selectFrom("site_arrivals as a")
    .leftJoin("deliveries as d", (join) => join.onRef("d.cable_id", "=", "a.cable_id").on("d.slugged_from", "is", null))
    .select((eb) => [
      "a.cable_id",
      "a.seq",
      "a.precedence",
      "a.stored_at",
      "a.action_requests",
      eb.fn.min("d.delivered_at").as("delivered_at"),
      eb.fn.min("d.acked_at").as("acked_at"),
      eb.fn.max("d.acked_by").as("acked_by"),
    ])
    .where("a.origin", "=", origin)
    .where("a.seq", ">", ask.settled)
    .groupBy(["a.cable_id", "a.seq", "a.precedence", "a.stored_at", "a.action_requests"])
    .orderBy("a.seq")
    .limit(ANSWER_LIMIT)
    .execute();
  const answer: Receipt[] = [];
  const lost = held.filter((h) => Number(h.seq) > ask.sent);
  for (let i = 0; i < lost.length; i += COPIES_PER_RECEIPT) {
    const page = lost.slice(i, i + COPIES_PER_RECEIPT);
    const texts = await store.db
      .selectFrom("cables as c")
      .innerJoin("cable_texts as t", "t.seq", "c.seq")
      .select(["c.id", "t.model", "t.raw", "t.parse_hints"])
      .where(
        "c.id",
        "in",
        page.map((h) => h.cable_id),
      )
      .execute();
    const cables = new Map(texts.map((t) => [t.id, modelOf(t)]));
    const recovered = page.flatMap((h) => {
      const cable = cables.get(h.cable_id);
      if (!cable) return [];
      const actionRequests = h.action_requests === null ? [] : (JSON.parse(h.action_requests) as ActionRequest[]);
      return [
        { seq: Number(h.seq), precedence: h.precedence as Precedence, cable, storedAt: h.stored_at, actionRequests },
      ];
    });
    answer.push({ from: here, items: [], recovered });
  }
  const items: ReceiptItem[] = held.flatMap((h): ReceiptItem[] => [
    { cable: h.cable_id, stage: "stored", at: h.stored_at },
    ...(h.delivered_at ? [{ cable: h.cable_id, stage: "delivered" as const, at: h.delivered_at }] : []),
    ...(h.acked_at
      ? [
          {
            cable: h.cable_id,
            stage: "acknowledged" as const,
            at: h.acked_at,
            ...(h.acked_by ? { by: h.acked_by } : {}),
          },
        ]
      : []),
  ]);
  for (let i = 0; i < items.length; i += ITEMS_PER_RECEIPT) {
    answer.push({ from: here, items: items.slice(i, i + ITEMS_PER_RECEIPT) });
  }
  const last = answer.pop() ?? { from: here, items: [] };
  answer.push({ ...last, done: true });
  return answer;
}

/**
 * Takes back, in the caller's transaction, copies to `site` this node had sent and lost: each cable archived and
 * chained again if missing, its copy tracked again (stored there), and the channel to `site` numbered past them.
 * A cable archived again here gets this node's own side of its release again, once: the deliveries to the posts
 * and offices it serves (queued, so its dispatcher delivers them and sends any NIACT alert due) and the tasks of
 * its action requests. A cable archived already (given back by another site, or by the same answer read twice)
 * gets nothing more. Answers the chain's new head, if it chained any.
 * @example await relearnCopies(tx, "STATE", "PANAMA", receipt.recovered, now)
 */
export async function relearnCopies(
  tx: Store,
  here: string,
  site: string,
  recovered: readonly RecoveredCopy[],
  now: string,
): Promise<ChainHead | null> {
  if (recovered.length === 0) return null;
  const { written } = await writeCableRecords(
    tx,
    recovered.map((r) => cableRecordOf(r.cable, null, `recovered:${site}`, now)),
  );
  const head = await chainArchived(
    tx,
    written.map((r) => ({ cableId: r.id, hash: storedCableHash(r) })),
  );
  await redistribute(
    tx,
    recovered.filter((r) => written.some((w) => w.id === r.cable.id)),
    now,
  );
  for (const r of recovered) {
    await insertSiteCopy(
      tx,
      {
        cable_id: r.cable.id!,
        site,
        seq: r.seq,
        precedence: r.precedence,
        rank: precedenceRank(r.precedence),
        state: "stored",
        queued_at: r.storedAt,
        sent_at: r.storedAt,
        stored_at: r.storedAt,
      },
      {
        v: 1,
        origin: here,
        seq: r.seq,
        precedence: r.precedence,
        cable: r.cable,
        actionRequests: r.actionRequests ?? [],
      },
    );
  }
  await raiseCounter(tx, channelKey(here, site), Math.max(...recovered.map((r) => r.seq)));
  return head;
}

/**
 * This node's own side of releases it took back: their deliveries here and their tasks, as their release made them
 * (enqueue-deliveries.ts, `recovered`), against the directory of each release date. The deliveries are queued anew,
 * so they reach the inbox as delivered and not acknowledged, with any NIACT alert due: what the destination reports
 * acknowledged is its own people's copy, and whether anyone here acknowledged theirs went with the lost database; a
 * second alert costs a duty officer a click, a NIACT taken for acknowledged that nobody here read costs far more.
 */
async function redistribute(tx: Store, recovered: readonly RecoveredCopy[], now: string): Promise<void> {
  if (recovered.length === 0) return;
  const plan = await loadSitePlan(tx.db);
  const clock = { now: () => new Date(now) };
  for (const { cable, actionRequests } of recovered) {
    const refs = [...cable.to, ...cable.info, ...cable.exclusions];
    const directory = await loadAddresseeDirectory(tx.db, refs, cable.dtg?.slice(0, 10) || undefined);
    await enqueueDeliveries(tx, { cable, actionRequests: actionRequests ?? [], directory, plan }, clock, "recovered");
  }
}

/** Moves a counter up to `atLeast` (never down), so its next number is past it. */
async function raiseCounter(tx: Store, key: string, atLeast: number): Promise<void> {
  const row = await tx.db.selectFrom("message_counters").select("value").where("key", "=", key).executeTakeFirst();
  const value = Number(row?.value ?? 0);
  if (value < atLeast) await takeNumbers(tx.db, key, atLeast - value);
}
