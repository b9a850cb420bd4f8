// Numbers read from the environment (minutes, ports): a bad value stops the process with one line saying which
// variable, what it holds, what is allowed and how to fix it, instead of falling back quietly to something else.
import { CablegramError } from "./errors.ts";

/** What a numeric setting accepts and how its error message explains it. */
export type NumberSetting = {
  /** The environment variable: `CABLEGRAM_SMTP_PORT`. */
  variable: string;
  /** The inclusive range accepted. */
  min: number;
  max: number;
  /** Whole numbers only (a port), or decimals too (minutes). */
  whole: boolean;
  /** What the value counts, in the message: "minutes"; "" when it names nothing (a port). */
  unit: string;
  /** Ends "which is not ...": "a number of minutes", "a port number". */
  kind: string;
  /** Ends "set it to ...": "the minutes between sendings of an unacknowledged alert". */
  meaning: string;
  /** Ends "such as ...": "10, or 2.5". */
  examples: string;
  /** Ends "or unset it for ...": "the default of 5 minutes". */
  unset: string;
  /** Said of the maximum, as " (a day)"; optional. */
  maxNote?: string;
};

/**
 * Reads a numeric setting: the number, or undefined when the variable is unset or empty (the caller's default).
 * Anything else (not a number, out of range, a decimal where a whole number is wanted) throws SETTING_INVALID with
 * `details: { variable, value }` and a message naming the variable, the value, the range and the default.
 * @example numberFromEnv({ CABLEGRAM_SMTP_PORT: "587" }, SMTP_PORT_SETTING) // 587
 * @example numberFromEnv({}, SMTP_PORT_SETTING) // undefined
 * @example numberFromEnv({ CABLEGRAM_SMTP_PORT: "smtp" }, SMTP_PORT_SETTING) // throws SETTING_INVALID:
 * // CABLEGRAM_SMTP_PORT is "smtp" in the environment, which is not a port number: set it to ...
 */
export function numberFromEnv(env: NodeJS.ProcessEnv, setting: NumberSetting): number | undefined {
  const raw = env[setting.variable];
  if (raw === undefined || raw.trim() === "") return undefined;
  const text = raw.trim();
  const { min, max, unit } = setting;
  const value = (setting.whole ? /^\d+$/ : /^\d+(\.\d+)?$/).test(text) ? Number(text) : NaN;
  if (!Number.isNaN(value) && value >= min && value <= max) return value;
  const of = unit === "" ? "" : `${unit}, `;
  const problem = Number.isNaN(value)
    ? `which is not ${setting.kind}`
    : value < min
      ? `${of}under the least of ${min}`
      : `${of}over the most of ${max}${setting.maxNote ?? ""}`;
  throw new CablegramError(
    "SETTING_INVALID",
    `${setting.variable} is ${JSON.stringify(raw)} in the environment, ${problem}: set it to ${setting.meaning}, ` +
      `from ${min} to ${max} (such as ${setting.examples}), or unset it for ${setting.unset}`,
    { variable: setting.variable, value: raw },
  );
}
