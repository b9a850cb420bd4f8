// Escalates deliveries left unacknowledged past their handling-time objective: once each, with an alert.
import type { Store } from "../../store/open-store.ts";
import { raiseAlerts } from "../alerts/raise-alerts.ts";
import type { Clock } from "../clock.ts";
import type { EventBus } from "../events/event-bus.ts";

/**
 * Marks escalated every delivered, unacknowledged delivery whose objective has run out, raises an `escalation`
 * alert to the post's duty officer and publishes `delivery.escalated`. Returns how many it escalated. Copies
 * slugged to offices have no deadline (slugDelivery), so a post's delivery is escalated once, by its own copy.
 * @example clock.advance(31 * 60_000); await escalateOverdue({ store, clock, bus }) // 14
 */
export async function escalateOverdue(options: { store: Store; clock: Clock; bus: EventBus }): Promise<number> {
  const nowIso = options.clock.now().toISOString();
  const escalated = await options.store.db.transaction().execute(async (tx) => {
    const rows = await tx
      .updateTable("deliveries")
      .set({ escalated_at: nowIso })
      .where("state", "=", "delivered")
      .where("acked_at", "is", null)
      .where("escalated_at", "is", null)
      .where("due_at", "<=", nowIso)
      .returning(["id", "cable_id", "post", "office", "precedence"])
      .execute();
    await raiseAlerts(tx, rows, "escalation", nowIso);
    return rows;
  });
  for (const d of escalated) {
    await options.bus.publish({
      type: "delivery.escalated",
      cableId: d.cable_id,
      post: d.post,
      ...(d.office ? { office: d.office } : {}),
      data: { id: d.id, cableId: d.cable_id, post: d.post, precedence: d.precedence, escalatedAt: nowIso },
    });
  }
  return escalated.length;
}
