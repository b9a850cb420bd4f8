// `--as USER` for messaging commands: act as a named user (their access, post and roles), or as the system.
import { findUser, type User } from "../services/users/index.ts";
import type { Store } from "../store/open-store.ts";
import { dispatcherSettingsFromEnv } from "../services/distribution/dispatcher-settings.ts";
import { startDispatcher } from "../services/distribution/dispatcher.ts";
import { createEventBus } from "../services/events/event-bus.ts";
import { systemClock } from "../services/clock.ts";
import type { Io } from "./io.ts";

/**
 * The user `--as` names, null for the system when it is absent, or undefined (after printing why) when no such user.
 * @example const user = await userOfOption(store, io, "inbox", args.as); if (user === undefined) return 2
 */
export async function userOfOption(
  store: Store,
  io: Io,
  command: string,
  as: string | undefined,
): Promise<User | null | undefined> {
  if (as === undefined) return null;
  const user = await findUser(store, as);
  if (!user) io.stderr(`cablegram ${command}: no user named "${as}" (see cablegram user list)`);
  return user ?? undefined;
}

/**
 * Delivers what waits in the outbox, escalates and sends due alerts, once: a CLI without a running server still
 * sees released cables arrive. Safe beside a server: every step is a conditional update. It takes the server's
 * settings from the environment (dispatcherSettingsFromEnv): deadlines by CABLEGRAM_OBJECTIVE_*, SMTP, and repeats
 * after CABLEGRAM_ALERT_REPEAT_MINUTES; a bad value throws SETTING_INVALID before anything runs.
 * @example await dispatchOnce(store, io.env)
 */
export async function dispatchOnce(store: Store, env: NodeJS.ProcessEnv): Promise<void> {
  const settings = dispatcherSettingsFromEnv(env);
  const bus = createEventBus({ store });
  const dispatcher = startDispatcher({ ...settings, store, clock: systemClock, bus, pollMs: 0 });
  try {
    await dispatcher.drain();
  } finally {
    await dispatcher.stop();
  }
}
