// Raises alerts inside the transaction that delivers (or escalates) their deliveries, so none is lost or doubled.
import type { Kysely } from "kysely";
import type { Database } from "../../store/database.ts";
import { timeOrderedId } from "../../store/time-ordered-id.ts";
import { dutyOfficersOf } from "./duty-officers.ts";

/** The delivery an alert is about. */
export type AlertedDelivery = { id: string; cable_id: string; post: string; precedence: string };

/**
 * Writes one open alert per delivery and kind, addressed to the post's duty officer, due to be sent at once.
 * A second call for the same delivery and kind adds nothing.
 * @example await raiseAlerts(tx, niactDeliveries, "niact", now)
 */
export async function raiseAlerts(
  db: Kysely<Database>,
  deliveries: AlertedDelivery[],
  kind: "niact" | "escalation",
  now: string,
): Promise<void> {
  if (deliveries.length === 0) return;
  const officers = await dutyOfficersOf(
    db,
    deliveries.map((d) => d.post),
  );
  const rows = deliveries.map((d) => ({
    id: timeOrderedId(),
    delivery_id: d.id,
    cable_id: d.cable_id,
    post: d.post,
    kind,
    precedence: d.precedence,
    officer_id: officers.get(d.post)?.userId ?? null,
    created_at: now,
    attempts: 0,
    last_sent_at: null,
    next_at: now,
    last_error: null,
    outcome: null,
    acked_at: null,
    acked_by: null,
  }));
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto("alerts")
      .values(rows.slice(i, i + 200))
      .onConflict((oc) => oc.columns(["delivery_id", "kind"]).doNothing())
      .execute();
  }
}
