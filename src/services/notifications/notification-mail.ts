// Mailing notifications: a notification goes by e-mail to its user's address when the server has SMTP configured.
// Mail is sent after the action that caused it has committed, in the background: a relay that is down or slow never
// fails or delays the action, it is logged and recorded on the notification (email_error, email_attempts).
import type { Store } from "../../store/open-store.ts";
import type { Mail } from "../alerts/smtp-sender.ts";
import type { Clock } from "../clock.ts";

/** Sends one e-mail; rejects when it could not. */
export type Mailer = { send(mail: Mail): Promise<void> };

/** Where notification mail goes, and who hears of a failure. */
export type NotificationMail = {
  mailer: Mailer;
  /** Told of each failure (the server logs it); the action that caused the notification has succeeded anyway. */
  onError?: (error: unknown, about: { notification: string; to: string }) => void;
  /** The sendings under way: tests and a closing server wait for them. */
  idle(): Promise<void>;
  /** Starts a sending in the background (used by notify). */
  start(sending: () => Promise<void>): void;
};

/**
 * The notification mail of a mailer: sendings run in the background, `idle` waits for those under way.
 * @example const mail = notificationMail(smtpMailer(options), (err) => log.error({ err }, "mail failed"))
 */
export function notificationMail(mailer: Mailer, onError?: NotificationMail["onError"]): NotificationMail {
  const running = new Set<Promise<void>>();
  return {
    mailer,
    onError,
    start(sending) {
      const p: Promise<void> = sending().finally(() => running.delete(p));
      running.add(p);
    },
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}

/**
 * Mails one notification and records the outcome on it; never rejects.
 * @example await mailNotification({ store, clock }, mail, { id, to: "dana@state.example", subject, text })
 */
export async function mailNotification(
  { store, clock }: { store: Store; clock: Clock },
  mail: NotificationMail,
  message: Mail & { id: string },
): Promise<void> {
  const { id, ...rest } = message;
  try {
    await mail.mailer.send(rest);
    await store.db
      .updateTable("notifications")
      .set((eb) => ({
        emailed_at: clock.now().toISOString(),
        email_error: null,
        email_attempts: eb("email_attempts", "+", 1),
      }))
      .where("id", "=", id)
      .execute();
  } catch (error) {
    mail.onError?.(error, { notification: id, to: message.to });
    await store.db
      .updateTable("notifications")
      .set((eb) => ({
        email_error: error instanceof Error ? error.message : String(error),
        email_attempts: eb("email_attempts", "+", 1),
      }))
      .where("id", "=", id)
      .execute()
      .catch(() => {
        // The store is going away (a closing server): the failure was told to onError already.
      });
  }
}
