// How long an unacknowledged alert waits before it is sent again: 5 minutes, or CABLEGRAM_ALERT_REPEAT_MINUTES.
import { CablegramError } from "../errors.ts";

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
  const raw = env[ALERT_REPEAT_VARIABLE];
  if (raw === undefined || raw.trim() === "") return undefined;
  const text = raw.trim();
  const minutes = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
  const { min, max } = ALERT_REPEAT_MINUTES;
  if (Number.isNaN(minutes) || minutes < min || minutes > max) {
    const problem = Number.isNaN(minutes)
      ? "which is not a number of minutes"
      : minutes < min
        ? `minutes, under the least of ${min}`
        : `minutes, over the most of ${max} (a day)`;
    throw new CablegramError(
      "SETTING_INVALID",
      `${ALERT_REPEAT_VARIABLE} is ${JSON.stringify(raw)} in the environment, ${problem}: set it to the minutes ` +
        `between sendings of an unacknowledged alert, from ${min} to ${max} (such as 10, or 2.5), or unset it for ` +
        `the default of ${DEFAULT_ALERT_REPEAT_MS / 60_000} minutes`,
      { variable: ALERT_REPEAT_VARIABLE, value: raw },
    );
  }
  return Math.round(minutes * 60_000);
}
