// What a dispatcher takes from the environment: the alert senders, the handling-time objectives and the alert repeat
// interval, read and checked together wherever one starts (the server, the CLI commands that deliver).
import { alertRepeatFromEnv } from "../alerts/alert-repeat.ts";
import { sendersFromEnv } from "../alerts/senders-from-env.ts";
import type { DispatcherOptions } from "./dispatcher.ts";
import { objectivesFromEnv } from "./handling-objectives.ts";

/** The dispatcher options the environment sets. */
export type DispatcherSettings = Pick<DispatcherOptions, "senders" | "objectives" | "alertRepeatMs">;

/**
 * Reads the dispatcher's settings: senders (webhook, plus SMTP with CABLEGRAM_SMTP_HOST and CABLEGRAM_SMTP_PORT),
 * objectives (CABLEGRAM_OBJECTIVE_*) and the repeat interval (CABLEGRAM_ALERT_REPEAT_MINUTES, absent when unset).
 * Throws SETTING_INVALID for the first bad value, so a caller that checks first never starts half configured.
 * @example dispatcherSettingsFromEnv({ CABLEGRAM_OBJECTIVE_FLASH: "5" }) // { senders: [webhook], objectives: { FLASH: 300_000 } }
 * @example dispatcherSettingsFromEnv({ CABLEGRAM_SMTP_PORT: "25a" }) // throws SETTING_INVALID
 */
export function dispatcherSettingsFromEnv(env: NodeJS.ProcessEnv): DispatcherSettings {
  const senders = sendersFromEnv(env);
  const objectives = objectivesFromEnv(env);
  const alertRepeatMs = alertRepeatFromEnv(env);
  return { senders, objectives, ...(alertRepeatMs === undefined ? {} : { alertRepeatMs }) };
}
