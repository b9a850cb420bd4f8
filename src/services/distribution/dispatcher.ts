// The dispatcher: drains the outbox in precedence order, escalates overdue deliveries and sends due alerts,
// whenever kicked (after a release commits) and on a steady beat (for what a crash or another process left).
import { coalescingJob as job } from "../coalescing-job.ts";
import type { Store } from "../../store/open-store.ts";
import { DEFAULT_ALERT_REPEAT_MS } from "../alerts/alert-repeat.ts";
import type { AlertSender } from "../alerts/alert-sender.ts";
import { ALERTS_PER_CALL, sendDueAlerts, type UnassignedAlert } from "../alerts/send-due-alerts.ts";
import type { Clock } from "../clock.ts";
import type { EventBus } from "../events/event-bus.ts";
import type { NotificationMail } from "../notifications/notification-mail.ts";
import { deliverBatch, deliverQueued, publishDelivered, type DeliveredCopies } from "./deliver-queued.ts";
import { escalateOverdue } from "./escalate-overdue.ts";
import { handlingObjectives, type HandlingObjectives } from "./handling-objectives.ts";

/** Where the dispatcher reports what went wrong (errors) and what needs someone (warnings); a pino logger fits. */
export type DispatcherLogger = { error(obj: unknown, msg?: string): void; warn(obj: unknown, msg?: string): void };

export type DispatcherOptions = {
  store: Store;
  clock: Clock;
  bus: EventBus;
  senders: AlertSender[];
  logger?: DispatcherLogger;
  /** Overrides of the handling-time objectives. */
  objectives?: Partial<HandlingObjectives>;
  /**
   * Time between sendings of an unacknowledged alert; default 5 minutes (of the injected clock). The server and the
   * CLI read it from CABLEGRAM_ALERT_REPEAT_MINUTES (alertRepeatFromEnv).
   */
  alertRepeatMs?: number;
  /** Real milliseconds between beats; default 1000. 0 turns the beat off (tests call `drain`). */
  pollMs?: number;
  /** Deliveries per transaction; default 500. */
  batch?: number;
  /** Where notifications are mailed (an alert that reached nobody is told to the cable's drafter), if anywhere. */
  mail?: NotificationMail | null;
};

export type Dispatcher = {
  /** Asks for a delivery pass soon (after a release commits). */
  kick(): void;
  /** The handling objectives it sets deadlines by: copies delivered elsewhere (deliverNow) take the same. */
  objectives: HandlingObjectives;
  /**
   * Tells what a committed transaction delivered without a pass of its own (arrivals from another site): their
   * events go to the live pages, and their alerts are sent at once. Never throws: a failure is logged, and the beat
   * sends the alerts anyway.
   */
  delivered(batch: DeliveredCopies): Promise<void>;
  /** Runs passes until the outbox is empty, then escalates and sends what is due by the clock; for tests and tools. */
  drain(): Promise<void>;
  /** Stops the beat and waits for the passes under way. */
  stop(): Promise<void>;
};

/**
 * Starts a dispatcher. Every step is a conditional UPDATE, so several dispatchers (a server and a CLI, or a
 * restarted server) can run over the same store without losing or doubling a delivery.
 *
 * Three jobs, so nothing slow stands in front of a delivery: delivering (on every kick and beat), sending alerts
 * (as soon as a delivery raised one, and on the beat for repeats) and escalating (on the beat: objectives are
 * minutes long). A webhook that takes its full timeout delays alerts, never the next FLASH cable's delivery.
 * @example const dispatcher = startDispatcher({ store, clock, bus, senders: [] }); dispatcher.kick(); await dispatcher.stop()
 */
export function startDispatcher(options: DispatcherOptions): Dispatcher {
  const objectives = handlingObjectives(options.objectives);
  const batch = options.batch ?? 500;
  const repeatMs = options.alertRepeatMs ?? DEFAULT_ALERT_REPEAT_MS;
  const delivering = { store: options.store, clock: options.clock, bus: options.bus, objectives, batch };
  let stopped = false;
  const isStopped = () => stopped;
  const failed = (what: string) => (error: unknown) =>
    options.logger?.error({ err: error }, `dispatcher ${what} failed; retrying on the next beat`);

  const sendAlerts = async () => {
    const sending = {
      ...options,
      repeatMs,
      onError: (error: unknown, message: { alertId: string }, sender: string) =>
        options.logger?.error({ err: error, alert: message.alertId, sender }, "alert sender failed"),
      onNoticeError: (error: unknown) =>
        options.logger?.error({ err: error }, "a notification of an alert that reached nobody could not be left"),
      onNoDutyOfficer: (alert: UnassignedAlert) =>
        options.logger?.warn(
          { alert: alert.alertId, kind: alert.kind, cable: alert.cableId, post: alert.post },
          `alert on ${alert.cableId} sent to nobody: ${alert.post} has no duty officer on the roster; put one on duty ` +
            "(PUT /api/duty-officers/{post}, or the Administration page) and the alert goes to them at its next repeat",
        ),
    };
    for (;;) {
      const pass = await sendDueAlerts(sending);
      if (pass.sent + pass.noDutyOfficer < ALERTS_PER_CALL || stopped) break;
    }
  };
  const alerting = job(sendAlerts, isStopped, failed("alert pass"));
  const delivery = job(
    async () => {
      let raised = 0;
      for (;;) {
        const done = await deliverBatch(delivering);
        raised += done.alerts;
        // A short batch emptied the outbox; whatever is queued after it comes with its own kick.
        if (done.queued < batch || stopped) break;
      }
      if (raised > 0) alerting.kick();
    },
    isStopped,
    failed("delivery pass"),
  );
  const escalation = job(
    async () => {
      if ((await escalateOverdue(options)) > 0) alerting.kick();
    },
    isStopped,
    failed("escalation pass"),
  );

  const pollMs = options.pollMs ?? 1000;
  const beat =
    pollMs > 0
      ? setInterval(() => {
          delivery.kick();
          escalation.kick();
          alerting.kick();
        }, pollMs)
      : null;
  beat?.unref();
  delivery.kick();
  escalation.kick();
  alerting.kick();
  const idle = () => Promise.all([delivery.idle(), escalation.idle(), alerting.idle()]);
  return {
    kick: () => delivery.kick(),
    objectives,
    async delivered(batch) {
      if (batch.alerts > 0) alerting.kick();
      await publishDelivered(delivering, batch.rows).catch(failed("delivery event"));
    },
    async drain() {
      await idle();
      while ((await deliverQueued(delivering)) > 0);
      await escalateOverdue(options);
      await sendAlerts();
    },
    async stop() {
      stopped = true;
      if (beat) clearInterval(beat);
      await idle();
    },
  };
}
