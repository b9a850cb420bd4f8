// Sends every open alert whose time has come, and schedules its next sending: alerts repeat until acknowledged.
import type { Store } from "../../store/open-store.ts";
import type { Clock } from "../clock.ts";
import { locksOfArchivedMany, type EventBus } from "../events/event-bus.ts";
import type { AlertMessage, AlertSender } from "./alert-sender.ts";
import { dutyOfficersOf, isOnDuty, type DutyOfficer } from "./duty-officers.ts";
import type { NotificationMail } from "../notifications/notification-mail.ts";
import { noticeUnreachedAlerts } from "./notice-unreached.ts";

/** Alerts one call claims and sends at most. */
export const ALERTS_PER_CALL = 100;

/** An alert that came due for a post with nobody on the duty roster. */
export type UnassignedAlert = { alertId: string; kind: "niact" | "escalation"; cableId: string; post: string };

export type AlertSending = {
  store: Store;
  clock: Clock;
  bus: EventBus;
  senders: AlertSender[];
  /** Time between sendings of an unacknowledged alert. */
  repeatMs: number;
  /** Told when a sender fails; the alert is sent again at its next attempt anyway. */
  onError?: (error: unknown, message: AlertMessage, sender: string) => void;
  /**
   * Told once when an alert is found with nobody on duty for its post (not again at each repeat while it stays so).
   * Nothing is sent; the alert is looked at again every repeat interval and goes to whoever is put on duty.
   */
  onNoDutyOfficer?: (alert: UnassignedAlert) => void;
  /** Where notifications are mailed (the drafter and releaser of a cable whose alert reached nobody), if anywhere. */
  mail?: NotificationMail | null;
  /** Told when such a notification could not be left; the alerts are handled anyway. */
  onNoticeError?: (error: unknown) => void;
};

/** What one call did with the alerts due. */
export type AlertPass = {
  /** Alerts sent to their post's duty officer. */
  sent: number;
  /** Alerts due at a post with nobody on the duty roster: recorded as `no_duty_officer`, sent to nobody. */
  noDutyOfficer: number;
};

/**
 * Sends the open alerts due by now (at most ALERTS_PER_CALL a call) through every sender and publishes
 * `alert.raised` for each. Claiming an alert is an UPDATE on its attempt count and due time, so two dispatchers
 * never send the same attempt twice. The claimed alerts are sent side by side, so one slow webhook costs its own
 * timeout, not one per alert.
 *
 * An alert whose post has nobody on the duty roster is not sent and not counted as a sending: it is recorded as
 * `no_duty_officer` (`alert.raised` and `onNoDutyOfficer` the first time), and looked at again every repeat interval.
 * @example await sendDueAlerts({ store, clock, bus, senders: [webhookSender()], repeatMs: 300_000 }) // { sent: 2, noDutyOfficer: 3 }
 */
export async function sendDueAlerts(options: AlertSending): Promise<AlertPass> {
  const { store, clock, bus } = options;
  const now = clock.now();
  const nowIso = now.toISOString();
  const nextIso = new Date(now.getTime() + options.repeatMs).toISOString();
  const due = await store.db
    .selectFrom("alerts as a")
    .leftJoin("cables as c", "c.id", "a.cable_id")
    .select(["a.id", "a.kind", "a.cable_id", "a.post", "a.precedence", "a.attempts", "a.created_at", "a.last_error"])
    .select(["a.outcome", "c.classification", "c.subject"])
    .where("a.acked_at", "is", null)
    .where("a.next_at", "<=", nowIso)
    .orderBy("a.next_at")
    .limit(ALERTS_PER_CALL)
    .execute();
  if (due.length === 0) return { sent: 0, noDutyOfficer: 0 };

  const officers = await dutyOfficersOf(
    store.db,
    due.map((a) => a.post),
  );
  const onDuty = due.filter((a) => isOnDuty(officers.get(a.post)));
  const unassigned = due.filter((a) => !isOnDuty(officers.get(a.post)));

  // Claim: one conditional UPDATE per attempt count (usually one for the whole batch). The due time in the
  // condition keeps a dispatcher that found nobody on duty and one that found someone from both taking an alert.
  const byAttempts = new Map<number, string[]>();
  for (const a of onDuty) byAttempts.set(Number(a.attempts), [...(byAttempts.get(Number(a.attempts)) ?? []), a.id]);
  const claimedIds = new Set<string>();
  for (const [attempts, ids] of byAttempts) {
    const rows = await store.db
      .updateTable("alerts")
      .set({ attempts: attempts + 1, last_sent_at: nowIso, next_at: nextIso, outcome: "sent" })
      .where("id", "in", ids)
      .where("attempts", "=", attempts)
      .where("next_at", "<=", nowIso)
      .where("acked_at", "is", null)
      .returning("id")
      .execute();
    for (const r of rows) claimedIds.add(r.id);
  }
  const claimed = onDuty.filter((a) => claimedIds.has(a.id));
  const noDutyOfficer = await recordUnassigned(options, unassigned, nowIso, nextIso);
  if (claimed.length === 0 && noDutyOfficer.length === 0) return { sent: 0, noDutyOfficer: 0 };

  // The locks once per call, not once per alert: a NIACT cable to many posts raises an alert at each. Nobody
  // listening (a CLI), no locks to read.
  const locks = await locksOfArchivedMany(bus.size() === 0 ? undefined : store, [
    ...new Set([...claimed, ...noDutyOfficer].map((a) => a.cable_id)),
  ]);
  const about = (alert: DueAlert) => {
    const cableLocks = locks.get(alert.cable_id);
    return {
      type: "alert.raised" as const,
      cableId: alert.cable_id,
      post: alert.post,
      ...(cableLocks ? { locks: cableLocks } : {}),
    };
  };
  // Found with nobody on duty for the first time: the post's own users still see the alert in the app, and the
  // cable's drafter and releaser are told (noticeUnreachedAlerts).
  const unreached: UnassignedAlert[] = [];
  for (const alert of noDutyOfficer.filter((a) => a.outcome !== "no_duty_officer")) {
    await bus.publish({
      ...about(alert),
      data: {
        ...messageOf(alert, null),
        subject: alert.subject,
        attempt: Number(alert.attempts),
        outcome: "no_duty_officer",
      },
    });
    const found = { alertId: alert.id, kind: alert.kind, cableId: alert.cable_id, post: alert.post };
    options.onNoDutyOfficer?.(found);
    unreached.push(found);
  }
  if (unreached.length > 0) {
    await noticeUnreachedAlerts(options, unreached).catch((error: unknown) => options.onNoticeError?.(error));
  }

  const outcomes = await Promise.all(
    claimed.map(async (alert) => {
      const message = messageOf(alert, officers.get(alert.post)!);
      await bus.publish({ ...about(alert), data: { ...message, subject: alert.subject, outcome: "sent" } });
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
  return { sent: claimed.length, noDutyOfficer: noDutyOfficer.length };
}

type DueAlert = {
  id: string;
  kind: "niact" | "escalation";
  cable_id: string;
  post: string;
  precedence: string;
  attempts: number;
  created_at: string;
  outcome: "sent" | "no_duty_officer" | null;
  classification: string | null;
  subject: string | null;
};

/** The message of an alert's next sending, subject withheld unless UNCLASSIFIED. */
function messageOf<O extends DutyOfficer | null>(alert: DueAlert, officer: O) {
  return {
    alertId: alert.id,
    kind: alert.kind,
    cableId: alert.cable_id,
    post: alert.post,
    precedence: alert.precedence,
    classification: alert.classification,
    subject: alert.classification === "UNCLASSIFIED" ? alert.subject : null,
    attempt: Number(alert.attempts) + 1,
    raisedAt: alert.created_at,
    officer,
  };
}

/**
 * Marks the due alerts of posts with nobody on duty as `no_duty_officer`, due again after the repeat interval, their
 * attempts and last sending untouched; returns those this call took (another dispatcher may have taken some).
 */
async function recordUnassigned(
  options: AlertSending,
  alerts: DueAlert[],
  nowIso: string,
  nextIso: string,
): Promise<DueAlert[]> {
  if (alerts.length === 0) return [];
  const rows = await options.store.db
    .updateTable("alerts")
    .set({ outcome: "no_duty_officer", next_at: nextIso })
    .where(
      "id",
      "in",
      alerts.map((a) => a.id),
    )
    .where("next_at", "<=", nowIso)
    .where("acked_at", "is", null)
    .returning("id")
    .execute();
  const taken = new Set(rows.map((r) => r.id));
  return alerts.filter((a) => taken.has(a.id));
}
