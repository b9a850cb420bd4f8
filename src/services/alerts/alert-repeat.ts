// How long an unacknowledged alert waits before it is sent again: 5 minutes, or CABLEGRAM_ALERT_REPEAT_MINUTES.
import { numberFromEnv } from "../number-setting.ts";

/** The time between sendings of an unacknowledged alert when nothing else is configured: 5 minutes. */
export const DEFAULT_ALERT_REPEAT_MS = 5 * 60_000;

/** The environment variable that sets it, in minutes. */
export const ALERT_REPEAT_VARIABLE = "CABLEGRAM_ALERT_REPEAT_MINUTES";

/** The range accepted, in minutes: more often than each minute floods a webhook, less than daily is no reminder. */
export const ALERT_REPEAT_MINUTES = { min: 1, max: 1440 } as const;

/**
 * Reads the repeat interval from CABLEGRAM_ALERT_REPEAT_MINUTES: minutes from 1 to 1440, decimals allowed; undefined
 * when unset or empty, for the default (5 minutes). Anything else throws SETTING_INVALID naming the variable, the
 * value and what to give instead, never falls back quietly: duty officers would be alerted at a rate nobody chose.
 * @example alertRepeatFromEnv({ CABLEGRAM_ALERT_REPEAT_MINUTES: "10" }) // 600_000
 * @example alertRepeatFromEnv({}) // undefined
 * @example alertRepeatFromEnv({ CABLEGRAM_ALERT_REPEAT_MINUTES: "5m" }) // throws SETTING_INVALID
 */
export function alertRepeatFromEnv(env: NodeJS.ProcessEnv): number | undefined {
  const minutes = numberFromEnv(env, {
    variable: ALERT_REPEAT_VARIABLE,
    ...ALERT_REPEAT_MINUTES,
    whole: false,
    unit: "minutes",
    kind: "a number of minutes",
    meaning: "the minutes between sendings of an unacknowledged alert",
    examples: "10, or 2.5",
    unset: `the default of ${DEFAULT_ALERT_REPEAT_MS / 60_000} minutes`,
    maxNote: " (a day)",
  });
  return minutes === undefined ? undefined : Math.round(minutes * 60_000);
}
