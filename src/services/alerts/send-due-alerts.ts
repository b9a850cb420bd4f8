// Sends every open alert whose time has come, and schedules its next sending: alerts repeat until acknowledged.
import type { Store } from "../../store/open-store.ts";
import type { Clock } from "../clock.ts";
import type { EventBus } from "../events/event-bus.ts";
import type { AlertMessage, AlertSender } from "./alert-sender.ts";
import { dutyOfficersOf } from "./duty-officers.ts";

export type AlertSending = {
  store: Store;
  clock: Clock;
  bus: EventBus;
  senders: AlertSender[];
  /** Time between sendings of an unacknowledged alert. */
  repeatMs: number;
  /** Told when a sender fails; the alert is sent again at its next attempt anyway. */
  onError?: (error: unknown, message: AlertMessage, sender: string) => void;
};

/**
 * Sends the open alerts due by now (at most 100 a call) through every sender and publishes `alert.raised` for each.
 * Claiming an alert is one UPDATE on its attempt count, so two dispatchers never send the same attempt twice.
 * Returns how many were sent.
 * @example await sendDueAlerts({ store, clock, bus, senders: [webhookSender()], repeatMs: 300_000 }) // 5
 */
export async function sendDueAlerts(options: AlertSending): Promise<number> {
  const { store, clock, bus } = options;
  const now = clock.now();
  const nowIso = now.toISOString();
  const due = await store.db
    .selectFrom("alerts as a")
    .leftJoin("cables as c", "c.id", "a.cable_id")
    .select(["a.id", "a.kind", "a.cable_id", "a.post", "a.precedence", "a.attempts", "a.created_at"])
    .select(["c.classification", "c.subject"])
    .where("a.acked_at", "is", null)
    .where("a.next_at", "<=", nowIso)
    .orderBy("a.next_at")
    .limit(100)
    .execute();
  if (due.length === 0) return 0;
  const officers = await dutyOfficersOf(
    store.db,
    due.map((a) => a.post),
  );
  let sent = 0;
  for (const alert of due) {
    const attempt = Number(alert.attempts) + 1;
    const claimed = await store.db
      .updateTable("alerts")
      .set({
        attempts: attempt,
        last_sent_at: nowIso,
        next_at: new Date(now.getTime() + options.repeatMs).toISOString(),
      })
      .where("id", "=", alert.id)
      .where("attempts", "=", attempt - 1)
      .where("acked_at", "is", null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    sent++;
    const message: AlertMessage = {
      alertId: alert.id,
      kind: alert.kind,
      cableId: alert.cable_id,
      post: alert.post,
      precedence: alert.precedence,
      classification: alert.classification,
      subject: alert.classification === "UNCLASSIFIED" ? alert.subject : null,
      attempt,
      raisedAt: alert.created_at,
      officer: officers.get(alert.post) ?? null,
    };
    await bus.publish({
      type: "alert.raised",
      cableId: alert.cable_id,
      post: alert.post,
      data: { ...message, subject: alert.subject },
    });
    const errors: string[] = [];
    for (const sender of options.senders) {
      try {
        await sender.send(message);
      } catch (error) {
        errors.push(`${sender.name}: ${error instanceof Error ? error.message : String(error)}`);
        options.onError?.(error, message, sender.name);
      }
    }
    await store.db
      .updateTable("alerts")
      .set({ last_error: errors.length > 0 ? errors.join("; ") : null })
      .where("id", "=", alert.id)
      .execute();
  }
  return sent;
}
