// Message tracking, as relays offer their operators: where each copy to another site is (queued here, in transit,
// stored there, in its inbox, acknowledged by a person) with times; the traffic a communicator watches (held, and
// why, late against its handling objective, refused by the link, and what arrived lately); and a communicator's
// re-send and cancel, each audited.
import { DEFAULT_OBJECTIVES, isLate, lateAfter, type CopyStage, type HandlingObjectives } from "../../core/index.ts";
import type { Selectable } from "kysely";
import type { Store } from "../../store/open-store.ts";
import type { SiteCopiesTable } from "../../store/tables/sites.ts";
import type { Actor } from "../audit/audit-entry.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Deps } from "../clock.ts";
import { CablegramError } from "../errors.ts";
import { pendingResyncSites } from "./resync-marks.ts";

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
  /** How often a communicator or a restored destination had it sent again. */
  attempt: number;
  /** Past its precedence's handling objective from queuing without reaching the destination's inbox. */
  late: boolean;
  /**
   * Why a queued copy is held here rather than sent: `resync` while its site has not yet answered this node's hello
   * (the answer may give back copies this node lost, and the held copy is numbered past them); otherwise null.
   */
  heldFor: "resync" | null;
};

/**
 * What a communicator's page shows: copies held (not yet stored at the destination), late ones, refused ones, and
 * the copies that reached their destination most recently; and how long until the next copy not yet late becomes
 * late (the one change no event announces), counted from `now` so that a browser's clock need not agree.
 */
export type SiteTraffic = {
  held: TrackedCopy[];
  late: TrackedCopy[];
  refused: TrackedCopy[];
  recent: TrackedCopy[];
  nextLateInMs: number | null;
};

type Row = Selectable<SiteCopiesTable>;

/** Copies listed at most in each list of the page. */
const LISTED = 1000;
/** Arrived copies the page shows. */
const RECENT = 50;

function tracked(r: Row, now: Date, objectives: HandlingObjectives, resyncing: ReadonlySet<string>): TrackedCopy {
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
    attempt: Number(r.attempt),
    late: !reached && isLate(objectives, r.precedence, r.queued_at, now),
    heldFor: r.state === "queued" && resyncing.has(r.site) ? "resync" : null,
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
  const rows = await store.db
    .selectFrom("site_copies")
    .selectAll()
    .where("cable_id", "=", cableId)
    .orderBy("site")
    .execute();
  const resyncing = await pendingResyncSites(store.db);
  return rows.map((r) => tracked(r, now, objectives, resyncing));
}

/**
 * The traffic to other sites a communicator should look at, most urgent first; the recent arrivals newest first.
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
    .limit(LISTED)
    .execute();
  const arrived = await store.db
    .selectFrom("site_copies")
    .selectAll()
    .where("state", "in", ["delivered", "acknowledged"])
    .orderBy("delivered_at", "desc")
    .limit(RECENT)
    .execute();
  const resyncing = await pendingResyncSites(store.db);
  const all = rows.map((r) => tracked(r, now, objectives, resyncing));
  const onTime = all.filter((c) => !c.late && c.deliveredAt === null && c.state !== "cancelled");
  const dues = onTime.map((c) => lateAfter(objectives, c.precedence, c.queuedAt).getTime());
  return {
    held: all.filter((c) => c.state === "queued" || c.state === "sent"),
    late: all.filter((c) => c.late),
    refused: all.filter((c) => c.lastError !== null && c.state === "queued"),
    recent: arrived.map((r) => tracked(r, now, objectives, resyncing)),
    // Just past the objective, as isLate counts it.
    nextLateInMs: dues.length === 0 ? null : Math.min(...dues) - now.getTime() + 1,
  };
}

/** What a communicator does to a copy. */
export type CopyCommand = "resend" | "cancel";

/**
 * Queues a copy not yet stored at its destination again, with a new message id so JetStream takes it even inside
 * its duplicate window; the destination stores it once whatever. Audited as `site.resend`.
 * SITE_COPY_NOT_FOUND for no such copy, SITE_COPY_SETTLED for one stored there already or cancelled.
 * @example await resendCopy(deps, actor, copyId)
 */
export async function resendCopy(deps: Deps, actor: Actor, id: string): Promise<TrackedCopy> {
  return commanded(deps, actor, id, "resend", (tx) =>
    tx.db
      .updateTable("site_copies")
      .set((eb) => ({ state: "queued", attempt: eb("attempt", "+", 1), last_error: null }))
      .where("id", "=", id)
      .where("state", "in", ["queued", "sent"])
      .executeTakeFirst(),
  );
}

/**
 * Cancels a copy that has not left this node (queued); one already in transit or beyond cannot be called back.
 * Audited as `site.cancel`. SITE_COPY_NOT_FOUND for no such copy, SITE_COPY_SETTLED for one that has left.
 * @example await cancelCopy(deps, actor, copyId)
 */
export async function cancelCopy(deps: Deps, actor: Actor, id: string): Promise<TrackedCopy> {
  const at = deps.clock.now().toISOString();
  return commanded(deps, actor, id, "cancel", (tx) =>
    tx.db
      .updateTable("site_copies")
      .set({ state: "cancelled", cancelled_at: at, cancelled_by: actor.username ?? actor.userId })
      .where("id", "=", id)
      .where("state", "=", "queued")
      .executeTakeFirst(),
  );
}

// One conditional UPDATE and its audit entry in one transaction: two communicators clicking at once change the
// copy once, and the log holds exactly the changes made.
async function commanded(
  deps: Deps,
  actor: Actor,
  id: string,
  command: CopyCommand,
  change: (tx: Store) => Promise<{ numUpdatedRows: bigint }>,
): Promise<TrackedCopy> {
  const now = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const done = await change(tx);
    const row = await tx.db.selectFrom("site_copies").selectAll().where("id", "=", id).executeTakeFirst();
    if (!row) {
      throw new CablegramError("SITE_COPY_NOT_FOUND", `No copy to another site with id ${JSON.stringify(id)}.`, {
        copy: id,
      });
    }
    if (Number(done.numUpdatedRows) === 0) throw settled(row, command);
    await recordAudit(
      { store: tx, clock: deps.clock },
      {
        actor,
        action: command === "resend" ? "site.resend" : "site.cancel",
        target: row.cable_id,
        detail: { copy: id, site: row.site, precedence: row.precedence, attempt: Number(row.attempt) },
      },
    );
    return tracked(row, now, DEFAULT_OBJECTIVES, await pendingResyncSites(tx.db));
  });
}

function settled(row: Row, command: CopyCommand): CablegramError {
  const where =
    row.state === "cancelled"
      ? "it was cancelled"
      : row.state === "sent"
        ? `it is in transit to ${row.site} already`
        : `it is ${row.state} at ${row.site} already`;
  const fix =
    command === "resend"
      ? "only a copy not yet stored at its destination can be re-sent"
      : "only a copy still queued here can be cancelled";
  return new CablegramError(
    "SITE_COPY_SETTLED",
    `The copy of ${row.cable_id} to ${row.site} cannot be ${command === "resend" ? "re-sent" : "cancelled"}: ${where}; ${fix}.`,
    { copy: row.id, state: row.state },
  );
}
