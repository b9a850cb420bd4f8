// Delivers queued deliveries, the most urgent first: one transaction turns a batch delivered, sets its handling
// deadline and raises the NIACT/FLASH alerts; events go out after commit.
import { sql } from "kysely";
import type { Store } from "../../store/open-store.ts";
import { raiseAlerts } from "../alerts/raise-alerts.ts";
import type { Clock } from "../clock.ts";
import { locksOfArchivedMany, type EventBus } from "../events/event-bus.ts";
import { deliveryView, type DeliveryRow } from "./delivery-view.ts";
import type { HandlingObjectives } from "./handling-objectives.ts";
import { isAlerting, lateAfter, PRECEDENCES } from "../../core/index.ts";
import type { CableCopies, QueuedRow } from "../../store/delivery-queue.ts";

export type Delivering = { store: Store; clock: Clock; bus: EventBus; objectives: HandlingObjectives; batch: number };

/** Copies delivered in someone else's transaction (deliverNow), to be told once it commits: rows and alerts raised. */
export type DeliveredCopies = { rows: DeliveryRow[]; alerts: number };

/** What one batch did: rows found queued, rows this call delivered, and alerts it raised. */
export type DeliveredBatch = { queued: number; delivered: number; alerts: number };

/**
 * Delivers up to `batch` queued deliveries of the highest precedence waiting, and returns how many it delivered
 * (0 when the outbox is empty). Each row moves queued -> delivered by an UPDATE that names the old state, so a
 * crash or a second dispatcher can neither skip nor repeat one.
 * @example while ((await deliverQueued(options)) > 0);
 */
export async function deliverQueued(options: Delivering): Promise<number> {
  const { queued, delivered } = await deliverBatch(options);
  // Another dispatcher took this batch: the outbox may hold more, so the caller's loop goes on.
  return delivered === 0 ? queued : delivered;
}

/**
 * One batch, as `deliverQueued`, telling the dispatcher whether the outbox may hold more (`queued === batch`) and
 * whether alerts were raised (to be sent at once).
 * @example await deliverBatch(options) // { queued: 14, delivered: 14, alerts: 5 }
 */
export async function deliverBatch(options: Delivering): Promise<DeliveredBatch> {
  const { store, clock } = options;
  const nowIso = clock.now().toISOString();
  const dueOf = deadlinesFrom(options.objectives, nowIso);
  // One expression for the whole batch: each row's deadline is its precedence's objective from now.
  const due = sql<string>`case precedence ${sql.join(
    PRECEDENCES.map((p) => sql`when ${p} then ${dueOf(p)}`),
    sql` `,
  )} else ${dueOf("ROUTINE")} end`;
  const claim = await store.deliveries.claim(options.batch, nowIso, due);
  if (claim === null) return { queued: 0, delivered: 0, alerts: 0 };
  const { delivered, alerts } = await store.db.transaction().execute(async (tx) => {
    const rows = await claim.deliver(tx);
    const alerting = rows.filter((d) => isAlerting(d.precedence) && d.office === "");
    await raiseAlerts(tx, alerting, "niact", nowIso);
    const delivered = rows.map((r) => deliveredRow(r, nowIso, dueOf(r.precedence)));
    return { delivered, alerts: alerting.length };
  });
  if (delivered.length > 0) await publishDelivered(options, delivered);
  return { queued: claim.found ?? delivered.length, delivered: delivered.length, alerts };
}

/**
 * Writes copies delivered at once, in the transaction `store` is bound to, with their deadlines and their NIACT
 * and FLASH alerts, as a dispatcher's batch would deliver them: for copies arriving from another site, whose store
 * transaction is itself the event a queue would wait for. A copy already there is left as it is. Answers the rows
 * written, to be told once committed (Dispatcher.delivered).
 * @example const batch = await deliverNow(tx, [{ cableId, copies, routingHint: null }], now, objectives)
 */
export async function deliverNow(
  store: Store,
  cables: readonly CableCopies[],
  at: string,
  objectives: HandlingObjectives,
): Promise<DeliveredCopies> {
  const dueOf = deadlinesFrom(objectives, at);
  const written = await store.deliveries.deliver(cables, { at, dueOf });
  const rows: DeliveryRow[] = [];
  for (const { cableId, copies, routingHint } of cables) {
    for (const c of copies) {
      if (!written.has(c.id)) continue;
      const queued = { ...c, cable_id: cableId, queued_at: at, routing_hint: routingHint };
      rows.push(deliveredRow(queued, at, dueOf(c.precedence)));
    }
  }
  const alerting = rows.filter((d) => isAlerting(d.precedence) && d.office === "");
  await raiseAlerts(store.db, alerting, "niact", at);
  return { rows, alerts: alerting.length };
}

/** Each precedence's deadline for copies delivered at `at`, worked out once a precedence (unknown: ROUTINE's). */
function deadlinesFrom(objectives: HandlingObjectives, at: string): (precedence: string) => string {
  const known = new Map<string, string>();
  return (precedence) => {
    let due = known.get(precedence);
    if (due === undefined) known.set(precedence, (due = lateAfter(objectives, precedence, at).toISOString()));
    return due;
  };
}

/**
 * The row a delivery made now of queued row `r` is, for its events. Written out field by field: spreading the
 * driver's rows into a new shape cost more than the update's SQL.
 */
function deliveredRow(r: QueuedRow, deliveredAt: string, dueAt: string): DeliveryRow {
  return {
    id: r.id,
    cable_id: r.cable_id,
    post: r.post,
    station: r.station,
    office: r.office,
    role: r.role,
    precedence: r.precedence,
    rank: r.rank,
    state: "delivered",
    queued_at: r.queued_at,
    delivered_at: deliveredAt,
    due_at: dueAt,
    read_at: null,
    read_by: null,
    acked_at: null,
    acked_by: null,
    escalated_at: null,
    slugged_from: null,
    slugged_by: null,
    routing_hint: r.routing_hint,
    subject: null,
    classification: null,
  };
}

/** Tells the live pages of deliveries committed: one event each, most urgent first. */
export async function publishDelivered(
  options: Pick<Delivering, "store" | "bus">,
  delivered: DeliveryRow[],
): Promise<void> {
  // Nobody listening (a CLI, a server without live clients): no event to build, no query to make.
  if (options.bus.size() === 0) return;
  const cableIds = [...new Set(delivered.map((d) => d.cable_id))];
  const cables = await options.store.db
    .selectFrom("cables")
    .select(["id", "subject", "classification"])
    .where("id", "in", cableIds)
    .execute();
  const byId = new Map(cables.map((c) => [c.id, c]));
  // The locks once per batch, not once per event: a cable to 280 posts makes 280 events.
  const locks = await locksOfArchivedMany(options.store, cableIds);
  delivered.sort((a, b) => a.rank - b.rank);
  for (const d of delivered) {
    // The rows are this batch's own (deliverBatch made them): filled in, not copied; a copy a row cost more than
    // the view and the event together.
    const cable = byId.get(d.cable_id);
    d.subject = cable?.subject ?? null;
    d.classification = cable?.classification ?? null;
    await options.bus.publish({
      type: "delivery.delivered",
      cableId: d.cable_id,
      post: d.post,
      office: d.office === "" ? undefined : d.office,
      locks: locks.get(d.cable_id),
      data: deliveryView(d),
    });
  }
}
