// The live half of messaging in the server: one event bus and one dispatcher per app, reachable by every route as
// `app.messaging` (the release route kicks the dispatcher after commit; routes publish through the bus).
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../services/clock.ts";
import { dispatcherSettingsFromEnv } from "../../services/distribution/dispatcher-settings.ts";
import { startDispatcher, type Dispatcher, type DispatcherOptions } from "../../services/distribution/dispatcher.ts";
import { handlingObjectives, type HandlingObjectives } from "../../core/handling-objectives.ts";
import { createEventBus, type EventBus } from "../../services/events/event-bus.ts";
import { smtpMail, smtpOptionsFromEnv, type Mail } from "../../services/alerts/smtp-sender.ts";
import {
  notificationMail,
  type Mailer,
  type NotificationMail,
} from "../../services/notifications/notification-mail.ts";
import { startSiteNode, type SiteNode, type SiteSettings } from "../../services/sites/index.ts";

/**
 * The bus and the dispatcher of an app, where its notifications are mailed (null: SMTP not configured), and its link
 * to the other sites when the node is a site.
 */
export type Messaging = {
  bus: EventBus;
  dispatcher: Dispatcher;
  mail: NotificationMail | null;
  sites: SiteNode | null;
  /** The handling objectives the dispatcher escalates by, which the communicator's page measures lateness by. */
  objectives: HandlingObjectives;
};

/**
 * How the app's dispatcher runs; every field has a default, from the environment where one is set (senders: webhook,
 * plus SMTP when configured; objectives; the alert repeat interval). A bad value there throws SETTING_INVALID, so the
 * app is not built.
 */
export type MessagingOptions = Partial<Omit<DispatcherOptions, "store" | "clock" | "bus" | "logger" | "mail">> & {
  /** Sends notification mail; default SMTP when CABLEGRAM_SMTP_HOST is set, else none. */
  mailer?: Mailer | null;
};

declare module "fastify" {
  interface FastifyInstance {
    /** The event bus and the dispatcher: `app.messaging.dispatcher.kick()` after a release commits. */
    messaging: Messaging;
  }
}

/**
 * Creates the bus, starts the dispatcher, decorates the app with both and stops the dispatcher when the app closes.
 * @example installMessaging(app, deps, { pollMs: 0 })
 */
export function installMessaging(
  app: FastifyInstance,
  deps: Deps,
  options: MessagingOptions = {},
  site: SiteSettings | null = null,
): Messaging {
  const { mailer: given, ...dispatching } = options;
  const bus = createEventBus({ store: deps.store });
  const smtp = smtpOptionsFromEnv(process.env);
  const mailer = given !== undefined ? given : smtp ? { send: (m: Mail) => smtpMail(smtp, m) } : null;
  const mail =
    mailer === null
      ? null
      : notificationMail(mailer, (error, about) =>
          app.log.error({ err: error, ...about }, "notification e-mail failed; the notification is in the app"),
        );
  const settings = { ...dispatcherSettingsFromEnv(process.env), ...dispatching };
  const dispatcher = startDispatcher({
    ...settings,
    store: deps.store,
    clock: deps.clock,
    bus,
    mail,
    logger: app.log,
  });
  // A site node links to the others over NATS; copies it stores are delivered at once and told by its own dispatcher
  // (events, alerts), and how its traffic moves reaches the communicators' pages through the bus.
  const sites = site
    ? startSiteNode({
        store: deps.store,
        clock: deps.clock,
        settings: site,
        dispatcher,
        bus,
        logger: app.log,
      })
    : null;
  const messaging = { bus, dispatcher, mail, sites, objectives: handlingObjectives(settings.objectives) };
  app.decorate("messaging", messaging);
  // Recorded before the server takes a release: one taken at once waits for the other sites' answers (resync-marks.ts).
  app.addHook("onReady", async () => {
    await sites?.resyncMarked();
  });
  app.addHook("onClose", async () => {
    await sites?.stop();
    await dispatcher.stop();
    await mail?.idle();
  });
  return messaging;
}
