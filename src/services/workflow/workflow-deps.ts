// What workflow services need beyond store and clock: where to announce what happened, where to mail
// notifications, and the dispatcher to wake.
import type { Deps } from "../clock.ts";
import type { EventBus } from "../events/index.ts";
import type { NotificationMail } from "../notifications/notification-mail.ts";

/**
 * Store and clock, plus the optional event bus (`draft.*`, `cable.released`, `notification`), the notification mail
 * (SMTP, when configured) and the dispatcher's `kick`.
 */
export type WorkflowDeps = Deps & {
  bus?: EventBus;
  mail?: NotificationMail | null;
  /** Where a notification that could not be left is reported (the server's log); the change stands anyway. */
  log?: { error(obj: unknown, msg?: string): void };
  /** Wakes the dispatcher after a release committed, so deliveries go out at once rather than at its next poll. */
  kick?: () => void;
};
