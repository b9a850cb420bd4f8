// Message tracking, as relays offer their operators: where each copy to another site is (queued here, in transit,
// stored there, in its inbox, acknowledged by a person) with times; the traffic a communicator watches (held, late
// against its handling objective, refused by the link); and a communicator's re-send and cancel.
import { isPrecedence, type CopyStage } from "../../core/index.ts";
import type { Selectable } from "kysely";
import type { Store } from "../../store/open-store.ts";
import type { SiteCopiesTable } from "../../store/tables/sites.ts";
import { DEFAULT_OBJECTIVES, type HandlingObjectives } from "../distribution/handling-objectives.ts";
import { CablegramError } from "../errors.ts";

/** One copy to another site and the times it reached each stage. */
export type TrackedCopy = {
  id: string;
  cableId: string;
  site: string;
  precedence: string;
  state: CopyStage | "cancelled";
  queuedAt: string;
  sentAt: string | null;
  storedAt: string | null;
  deliveredAt: string | null;
  ackedAt: string | null;
  ackedBy: string | null;
  cancelledAt: string | null;
  lastError: string | null;
  /** Past its precedence's handling objective from queuing without reaching the destination's inbox. */
  late: boolean;
};

/** What a communicator's page shows: copies held (not yet stored at the destination), late ones, refused ones. */
export type SiteTraffic = { held: TrackedCopy[]; late: TrackedCopy[]; refused: TrackedCopy[] };

type Row = Selectable<SiteCopiesTable>;

function tracked(r: Row, now: Date, objectives: HandlingObjectives): TrackedCopy {
  const objective = isPrecedence(r.precedence) ? objectives[r.precedence] : objectives.ROUTINE;
  const reached = r.delivered_at !== null || r.state === "cancelled";
  return {
    id: r.id,
    cableId: r.cable_id,
    site: r.site,
    precedence: r.precedence,
    state: r.state,
    queuedAt: r.queued_at,
    sentAt: r.sent_at,
    storedAt: r.stored_at,
    deliveredAt: r.delivered_at,
    ackedAt: r.acked_at,
    ackedBy: r.acked_by,
    cancelledAt: r.cancelled_at,
    lastError: r.last_error,
    late: !reached && now.getTime() - Date.parse(r.queued_at) > objective,
  };
}

/**
 * Every copy of a cable to other sites, with its times.
 * @example await trackCable(store, "26STATE1", now) // [{ site: "PANAMA", state: "delivered", storedAt: "...", ... }]
 */
export async function trackCable(
  store: Store,
  cableId: string,
  now: Date,
  objectives: HandlingObjectives = DEFAULT_OBJECTIVES,
): Promise<TrackedCopy[]> {
  const rows = await store.db.selectFrom("site_copies").selectAll().where("cable_id", "=", cableId).execute();
  return rows.map((r) => tracked(r, now, objectives));
}

/**
 * The traffic to other sites a communicator should look at, most urgent first.
 * @example (await siteTraffic(store, now)).held.length // 3 while Panama's link is down
 */
export async function siteTraffic(
  store: Store,
  now: Date,
  objectives: HandlingObjectives = DEFAULT_OBJECTIVES,
): Promise<SiteTraffic> {
  const rows = await store.db
    .selectFrom("site_copies")
    .selectAll()
    .where((eb) => eb.or([eb("state", "in", ["queued", "sent", "stored"]), eb("last_error", "is not", null)]))
    .orderBy("rank")
    .orderBy("queued_at")
    .limit(1000)
    .execute();
  const all = rows.map((r) => tracked(r, now, objectives));
  return {
    held: all.filter((c) => c.state === "queued" || c.state === "sent"),
    late: all.filter((c) => c.late),
    refused: all.filter((c) => c.lastError !== null && c.state === "queued"),
  };
}

/**
 * Queues a copy again (a new message id, so JetStream takes it even inside its duplicate window); the destination
 * stores it once whatever. Not for a cancelled copy.
 * @example await resendCopy(store, copyId)
 */
export async function resendCopy(store: Store, id: string): Promise<void> {
  const done = await store.db
    .updateTable("site_copies")
    .set((eb) => ({ state: "queued", attempt: eb("attempt", "+", 1), last_error: null }))
    .where("id", "=", id)
    .where("state", "!=", "cancelled")
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) === 0) throw copyNotFound(id, "re-sent");
}

/**
 * Cancels a copy that has not left this node (queued); one already in transit or beyond cannot be called back.
 * @example await cancelCopy(store, copyId, "carol", now)
 */
export async function cancelCopy(store: Store, id: string, by: string, now: Date): Promise<void> {
  const done = await store.db
    .updateTable("site_copies")
    .set({ state: "cancelled", cancelled_at: now.toISOString(), cancelled_by: by })
    .where("id", "=", id)
    .where("state", "=", "queued")
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) === 0) throw copyNotFound(id, "cancelled");
}

function copyNotFound(id: string, what: string): CablegramError {
  return new CablegramError(
    "SITE_COPY_NOT_FOUND",
    `No copy ${id} that can be ${what} here: only a queued copy can be cancelled, and a cancelled one is not sent.`,
    { copy: id },
  );
}
