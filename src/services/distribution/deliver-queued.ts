// Delivers queued deliveries, the most urgent first: one transaction turns a batch delivered, sets its handling
// deadline and raises the NIACT/FLASH alerts; events go out after commit.
import type { Store } from "../../store/open-store.ts";
import { raiseAlerts } from "../alerts/raise-alerts.ts";
import type { Clock } from "../clock.ts";
import type { EventBus } from "../events/event-bus.ts";
import { deliveryView, type DeliveryRow } from "./delivery-view.ts";
import type { HandlingObjectives } from "./handling-objectives.ts";
import type { Precedence } from "../../core/index.ts";

/** Precedences whose delivery alerts the post's duty officer at once, whatever the hour there. */
export const ALERTING: readonly string[] = ["FLASH", "NIACT IMMEDIATE"];

export type Delivering = { store: Store; clock: Clock; bus: EventBus; objectives: HandlingObjectives; batch: number };

/**
 * Delivers up to `batch` queued deliveries of the highest precedence waiting, and returns how many it delivered
 * (0 when the outbox is empty). Each row moves queued -> delivered by an UPDATE that names the old state, so a
 * crash or a second dispatcher can neither skip nor repeat one.
 * @example while ((await deliverQueued(options)) > 0);
 */
export async function deliverQueued(options: Delivering): Promise<number> {
  const { store, clock } = options;
  const queued = await store.db
    .selectFrom("deliveries")
    .select(["id", "precedence"])
    .where("state", "=", "queued")
    .orderBy("rank")
    .orderBy("queued_at")
    .orderBy("id")
    .limit(options.batch)
    .execute();
  if (queued.length === 0) return 0;
  const now = clock.now();
  const nowIso = now.toISOString();
  const byPrecedence = new Map<string, string[]>();
  for (const q of queued) byPrecedence.set(q.precedence, [...(byPrecedence.get(q.precedence) ?? []), q.id]);
  const delivered = await store.db.transaction().execute(async (tx) => {
    const out: DeliveryRow[] = [];
    for (const [precedence, ids] of byPrecedence) {
      const objective = options.objectives[precedence as Precedence] ?? options.objectives.ROUTINE;
      const rows = await tx
        .updateTable("deliveries")
        .set({ state: "delivered", delivered_at: nowIso, due_at: new Date(now.getTime() + objective).toISOString() })
        .where("id", "in", ids)
        .where("state", "=", "queued")
        .returningAll()
        .execute();
      out.push(...rows.map((r) => ({ ...r, subject: null, classification: null })));
    }
    await raiseAlerts(
      tx,
      out.filter((d) => ALERTING.includes(d.precedence) && d.office === ""),
      "niact",
      nowIso,
    );
    return out;
  });
  if (delivered.length === 0) return queued.length;
  await publishDelivered(options, delivered);
  return delivered.length;
}

async function publishDelivered(options: Delivering, delivered: DeliveryRow[]): Promise<void> {
  const cables = await options.store.db
    .selectFrom("cables")
    .select(["id", "subject", "classification"])
    .where("id", "in", [...new Set(delivered.map((d) => d.cable_id))])
    .execute();
  const byId = new Map(cables.map((c) => [c.id, c]));
  delivered.sort((a, b) => a.rank - b.rank);
  for (const d of delivered) {
    const cable = byId.get(d.cable_id);
    const item = deliveryView({ ...d, subject: cable?.subject ?? null, classification: cable?.classification ?? null });
    await options.bus.publish({
      type: "delivery.delivered",
      cableId: d.cable_id,
      post: d.post,
      ...(d.office ? { office: d.office } : {}),
      data: item,
    });
  }
}
