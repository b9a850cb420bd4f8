// Handling objectives: how long a copy of each precedence may take to reach an addressee's inbox and be
// acknowledged there before it is late. One table for the dispatcher's escalations, the communicator's page and
// the web app.
import type { Precedence } from "./precedence.ts";

/** Milliseconds per precedence. NIACT IMMEDIATE is handled as IMMEDIATE; its alert is what makes it urgent. */
export type HandlingObjectives = Record<Precedence, number>;

const MINUTE = 60_000;

/** The defaults: FLASH 10 min, NIACT IMMEDIATE and IMMEDIATE 30 min, PRIORITY 3 h, ROUTINE 6 h. */
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
 * Whether something of `precedence` queued at `since` and not yet done is past its objective at `now`. An unknown
 * precedence is held to ROUTINE's.
 * @example isLate(DEFAULT_OBJECTIVES, "FLASH", "2026-01-01T00:00:00Z", new Date("2026-01-01T00:11:00Z")) // true
 */
export function isLate(objectives: HandlingObjectives, precedence: string, since: string, now: Date): boolean {
  return now.getTime() > lateAfter(objectives, precedence, since).getTime();
}

/**
 * When something of `precedence` queued at `since` reaches its objective: after this instant, not yet done, it is
 * late. An unknown precedence is held to ROUTINE's.
 * @example lateAfter(DEFAULT_OBJECTIVES, "FLASH", "2026-01-01T00:00:00Z").toISOString() // "2026-01-01T00:10:00.000Z"
 */
export function lateAfter(objectives: HandlingObjectives, precedence: string, since: string): Date {
  const objective = objectives[precedence as Precedence] ?? objectives.ROUTINE;
  return new Date(Date.parse(since) + objective);
}
