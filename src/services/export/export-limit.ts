// How many cables one bulk export may hold: 50,000, or CABLEGRAM_EXPORT_MAX. A larger export is refused before a byte
// is written, with the count and how to narrow it, rather than cut short.
import { numberFromEnv } from "../number-setting.ts";

/** Cables one export may hold when nothing else is configured. */
export const DEFAULT_EXPORT_MAX = 50_000;

/** The environment variable that sets it. */
export const EXPORT_MAX_VARIABLE = "CABLEGRAM_EXPORT_MAX";

/**
 * Reads the export limit from CABLEGRAM_EXPORT_MAX: a whole number from 1 to 1,000,000; undefined when unset, for the
 * default. Anything else throws SETTING_INVALID naming the variable and what to give instead.
 * @example exportMaxFromEnv({ CABLEGRAM_EXPORT_MAX: "100000" }) // 100000
 * @example exportMaxFromEnv({}) // undefined
 */
export function exportMaxFromEnv(env: NodeJS.ProcessEnv): number | undefined {
  return numberFromEnv(env, {
    variable: EXPORT_MAX_VARIABLE,
    min: 1,
    max: 1_000_000,
    whole: true,
    unit: "cables",
    kind: "a whole number of cables",
    meaning: "the most cables one export of search results may hold",
    examples: "50000, or 200000",
    unset: `the default of ${DEFAULT_EXPORT_MAX.toLocaleString("en-US")}`,
  });
}
