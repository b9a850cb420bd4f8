// The dispatcher: drains the outbox in precedence order, escalates overdue deliveries and sends due alerts,
// whenever kicked (after a release commits) and on a steady beat (for what a crash or another process left).
import type { Store } from "../../store/open-store.ts";
import type { AlertSender } from "../alerts/alert-sender.ts";
import { sendDueAlerts } from "../alerts/send-due-alerts.ts";
import type { Clock } from "../clock.ts";
import type { EventBus } from "../events/event-bus.ts";
import { deliverQueued } from "./deliver-queued.ts";
import { escalateOverdue } from "./escalate-overdue.ts";
import { handlingObjectives, type HandlingObjectives } from "./handling-objectives.ts";

/** Where the dispatcher reports what went wrong; a pino logger fits. */
export type DispatcherLogger = { error(obj: unknown, msg?: string): void };

export type DispatcherOptions = {
  store: Store;
  clock: Clock;
  bus: EventBus;
  senders: AlertSender[];
  logger?: DispatcherLogger;
  /** Overrides of the handling-time objectives. */
  objectives?: Partial<HandlingObjectives>;
  /** Time between sendings of an unacknowledged alert; default 5 minutes (of the injected clock). */
  alertRepeatMs?: number;
  /** Real milliseconds between beats; default 1000. 0 turns the beat off (tests call `drain`). */
  pollMs?: number;
  /** Deliveries per transaction; default 500. */
  batch?: number;
};

export type Dispatcher = {
  /** Asks for a pass soon (after a release commits). */
  kick(): void;
  /** Runs passes until the outbox is empty, then escalates and sends what is due by the clock; for tests and tools. */
  drain(): Promise<void>;
  /** Stops the beat and waits for the pass under way. */
  stop(): Promise<void>;
};

/**
 * Starts a dispatcher. Every step is a conditional UPDATE, so several dispatchers (a server and a CLI, or a
 * restarted server) can run over the same store without losing or doubling a delivery.
 * @example const dispatcher = startDispatcher({ store, clock, bus, senders: [] }); dispatcher.kick(); await dispatcher.stop()
 */
export function startDispatcher(options: DispatcherOptions): Dispatcher {
  const objectives = handlingObjectives(options.objectives);
  const batch = options.batch ?? 500;
  const repeatMs = options.alertRepeatMs ?? 5 * 60_000;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const pass = async () => {
    const delivering = { store: options.store, clock: options.clock, bus: options.bus, objectives, batch };
    while ((await deliverQueued(delivering)) > 0 && !stopped);
    await escalateOverdue(options);
    await sendDueAlerts({
      ...options,
      repeatMs,
      onError: (error, message, sender) =>
        options.logger?.error({ err: error, alert: message.alertId, sender }, "alert sender failed"),
    });
  };
  const guarded = async () => {
    try {
      await pass();
    } catch (error) {
      options.logger?.error({ err: error }, "dispatcher pass failed; retrying on the next beat");
    }
  };
  const kick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await guarded();
      } while (again && !stopped);
    })().finally(() => (running = null));
  };
  const pollMs = options.pollMs ?? 1000;
  const beat = pollMs > 0 ? setInterval(kick, pollMs) : null;
  beat?.unref();
  kick();
  return {
    kick,
    async drain() {
      while (running) await running;
      await pass();
    },
    async stop() {
      stopped = true;
      if (beat) clearInterval(beat);
      while (running) await running;
    },
  };
}
