// Sends every open alert whose time has come, and schedules its next sending: alerts repeat until acknowledged.
import type { Store } from "../../store/open-store.ts";
import type { Clock } from "../clock.ts";
import { locksOfArchivedMany, type EventBus } from "../events/event-bus.ts";
import type { AlertMessage, AlertSender } from "./alert-sender.ts";
import { dutyOfficersOf } from "./duty-officers.ts";

/** Alerts one call claims and sends at most. */
export const ALERTS_PER_CALL = 100;

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
 * Sends the open alerts due by now (at most ALERTS_PER_CALL a call) through every sender and publishes
 * `alert.raised` for each. Claiming an alert is an UPDATE on its attempt count, so two dispatchers never send the
 * same attempt twice. The claimed alerts are sent side by side, so one slow webhook costs its own timeout, not one
 * per alert. Returns how many were sent.
 * @example await sendDueAlerts({ store, clock, bus, senders: [webhookSender()], repeatMs: 300_000 }) // 5
 */
export async function sendDueAlerts(options: AlertSending): Promise<number> {
  const { store, clock, bus } = options;
  const now = clock.now();
  const nowIso = now.toISOString();
  const due = await store.db
    .selectFrom("alerts as a")
    .leftJoin("cables as c", "c.id", "a.cable_id")
    .select(["a.id", "a.kind", "a.cable_id", "a.post", "a.precedence", "a.attempts", "a.created_at", "a.last_error"])
    .select(["c.classification", "c.subject"])
    .where("a.acked_at", "is", null)
    .where("a.next_at", "<=", nowIso)
    .orderBy("a.next_at")
    .limit(ALERTS_PER_CALL)
    .execute();
  if (due.length === 0) return 0;

  // Claim: one conditional UPDATE per attempt count (usually one for the whole batch).
  const byAttempts = new Map<number, string[]>();
  for (const a of due) byAttempts.set(Number(a.attempts), [...(byAttempts.get(Number(a.attempts)) ?? []), a.id]);
  const claimedIds = new Set<string>();
  for (const [attempts, ids] of byAttempts) {
    const rows = await store.db
      .updateTable("alerts")
      .set({
        attempts: attempts + 1,
        last_sent_at: nowIso,
        next_at: new Date(now.getTime() + options.repeatMs).toISOString(),
      })
      .where("id", "in", ids)
      .where("attempts", "=", attempts)
      .where("acked_at", "is", null)
      .returning("id")
      .execute();
    for (const r of rows) claimedIds.add(r.id);
  }
  const claimed = due.filter((a) => claimedIds.has(a.id));
  if (claimed.length === 0) return 0;

  const officers = await dutyOfficersOf(
    store.db,
    claimed.map((a) => a.post),
  );
  // The locks once per call, not once per alert: a NIACT cable to many posts raises an alert at each. Nobody
  // listening (a CLI), no locks to read.
  const locks = await locksOfArchivedMany(bus.size() === 0 ? undefined : store, [
    ...new Set(claimed.map((a) => a.cable_id)),
  ]);
  const outcomes = await Promise.all(
    claimed.map(async (alert) => {
      const cableLocks = locks.get(alert.cable_id);
      const message: AlertMessage = {
        alertId: alert.id,
        kind: alert.kind,
        cableId: alert.cable_id,
        post: alert.post,
        precedence: alert.precedence,
        classification: alert.classification,
        subject: alert.classification === "UNCLASSIFIED" ? alert.subject : null,
        attempt: Number(alert.attempts) + 1,
        raisedAt: alert.created_at,
        officer: officers.get(alert.post) ?? null,
      };
      await bus.publish({
        type: "alert.raised",
        cableId: alert.cable_id,
        post: alert.post,
        ...(cableLocks ? { locks: cableLocks } : {}),
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
      return { id: alert.id, before: alert.last_error, after: errors.length > 0 ? errors.join("; ") : null };
    }),
  );

  // Record what changed only: a healthy alert's last_error stays null without a write.
  const cleared = outcomes.filter((o) => o.after === null && o.before !== null).map((o) => o.id);
  if (cleared.length > 0) {
    await store.db.updateTable("alerts").set({ last_error: null }).where("id", "in", cleared).execute();
  }
  for (const o of outcomes) {
    if (o.after === null || o.after === o.before) continue;
    await store.db.updateTable("alerts").set({ last_error: o.after }).where("id", "=", o.id).execute();
  }
  return claimed.length;
}
