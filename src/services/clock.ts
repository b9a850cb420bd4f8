// The injected clock: services ask it for the time, so tests can run days of deadlines and expiries in a second.
import type { Store } from "../store/open-store.ts";

/** Where time comes from. Services never call `new Date()` themselves. */
export type Clock = { now(): Date };

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };

/** What a service needs from the outside world: its store and its clock. */
export type Deps = { store: Store; clock: Clock };

/**
 * A clock that stands still until moved; for tests and simulations.
 * @example const clock = fixedClock("2024-01-01T00:00:00Z"); clock.advance(60_000); clock.now() // 00:01
 */
export function fixedClock(start: string | Date): Clock & { advance(ms: number): void; set(at: string | Date): void } {
  let at = new Date(start);
  return {
    now: () => new Date(at),
    advance: (ms) => (at = new Date(at.getTime() + ms)),
    set: (to) => (at = new Date(to)),
  };
}
