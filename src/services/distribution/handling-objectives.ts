// Handling-time objectives: how long a delivery of each precedence may wait for acknowledgement before escalation.
import type { Precedence } from "../../core/index.ts";

/** Milliseconds per precedence. NIACT IMMEDIATE is handled as IMMEDIATE; its alert is what makes it urgent. */
export type HandlingObjectives = Record<Precedence, number>;

const MINUTE = 60_000;

/** The defaults: FLASH 10 min, IMMEDIATE 30 min, PRIORITY 3 h, ROUTINE 6 h. */
export const DEFAULT_OBJECTIVES: HandlingObjectives = Object.freeze({
  FLASH: 10 * MINUTE,
  "NIACT IMMEDIATE": 30 * MINUTE,
  IMMEDIATE: 30 * MINUTE,
  PRIORITY: 180 * MINUTE,
  ROUTINE: 360 * MINUTE,
});

/**
 * The objectives with some overridden (configuration gives only what it changes). NIACT IMMEDIATE follows an
 * overridden IMMEDIATE unless it is given too: shortening IMMEDIATE must not leave the NIACT copies, the more
 * urgent ones, escalating later than plain IMMEDIATE copies.
 * @example handlingObjectives({ FLASH: 5 * 60_000 }).ROUTINE // 21_600_000
 * @example handlingObjectives({ IMMEDIATE: 15 * 60_000 })["NIACT IMMEDIATE"] // 900_000
 */
export function handlingObjectives(overrides: Partial<HandlingObjectives> = {}): HandlingObjectives {
  const niact = overrides["NIACT IMMEDIATE"] ?? overrides.IMMEDIATE ?? DEFAULT_OBJECTIVES["NIACT IMMEDIATE"];
  return { ...DEFAULT_OBJECTIVES, ...overrides, "NIACT IMMEDIATE": niact };
}

/**
 * Reads overrides from the environment, in minutes: `CABLEGRAM_OBJECTIVE_FLASH=5`, `CABLEGRAM_OBJECTIVE_ROUTINE=240`.
 * @example objectivesFromEnv({ CABLEGRAM_OBJECTIVE_PRIORITY: "60" }) // { PRIORITY: 3_600_000 }
 */
export function objectivesFromEnv(env: NodeJS.ProcessEnv): Partial<HandlingObjectives> {
  const out: Partial<HandlingObjectives> = {};
  for (const p of Object.keys(DEFAULT_OBJECTIVES) as Precedence[]) {
    const value = env[`CABLEGRAM_OBJECTIVE_${p.replace(/ /g, "_")}`];
    const minutes = value === undefined ? NaN : Number(value);
    if (Number.isFinite(minutes) && minutes > 0) out[p] = minutes * MINUTE;
  }
  return out;
}
