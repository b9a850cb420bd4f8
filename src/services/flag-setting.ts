// Yes-or-no settings read from the environment (CABLEGRAM_SECURE_COOKIES): `=true` must not quietly mean no. A
// value that is neither a yes nor a no stops the process with one line, as a bad number does (number-setting.ts).
import { CablegramError } from "./errors.ts";

const YES = new Set(["1", "true", "yes", "on"]);
const NO = new Set(["0", "false", "no", "off"]);

/**
 * Reads a yes-or-no setting: true for 1, true, yes or on; false for 0, false, no, off, empty or unset (any case).
 * Anything else throws SETTING_INVALID naming the variable, its value and what it turns on.
 * @example flagFromEnv({ CABLEGRAM_SECURE_COOKIES: "true" }, "CABLEGRAM_SECURE_COOKIES", "secure cookies") // true
 */
export function flagFromEnv(env: NodeJS.ProcessEnv, variable: string, meaning: string): boolean {
  const text = (env[variable] ?? "").trim().toLowerCase();
  if (text === "" || NO.has(text)) return false;
  if (YES.has(text)) return true;
  throw new CablegramError(
    "SETTING_INVALID",
    `${variable} is ${JSON.stringify(env[variable])} in the environment, which is neither a yes nor a no: set it to ` +
      `1 (or true, yes, on) for ${meaning}, or to 0 (or false, no, off), or unset it, for none.`,
    { variable, value: env[variable] },
  );
}
