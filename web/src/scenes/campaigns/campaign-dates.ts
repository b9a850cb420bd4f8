// Calendar arithmetic for the as-of slider: days as ISO strings (`2009-04-07`), stepped in UTC so no time zone or
// summer-time change can skip or repeat a day.
import type { IsoDate } from "../../../../src/core/countries/iso-date.ts";

const DAY_MS = 86_400_000;

function toTime(date: IsoDate): number {
  return Date.parse(`${date}T00:00:00Z`);
}

function fromTime(time: number): IsoDate {
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * The day `days` after `date` (before, when negative).
 * @example addDays("2009-03-31", 1) // "2009-04-01"
 */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromTime(toTime(date) + days * DAY_MS);
}

/**
 * Whole days from `from` to `to`.
 * @example daysBetween("2008-02-17", "2008-03-01") // 13
 */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toTime(to) - toTime(from)) / DAY_MS);
}

/**
 * The same day `months` months on, kept to the month's last day when it has fewer days.
 * @example addMonths("2009-01-31", 1) // "2009-02-28"
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return fromTime(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(day, last)));
}

/**
 * `date` kept within [min, max].
 * @example clampDate("2007-01-01", "2008-02-17", "2026-12-06") // "2008-02-17"
 */
export function clampDate(date: IsoDate, min: IsoDate, max: IsoDate): IsoDate {
  return date < min ? min : date > max ? max : date;
}

/** The keys the slider answers beyond the browser's own: a month with Page Up/Down, a year with Shift. */
export type StepKey = "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown" | "PageUp" | "PageDown" | "Home" | "End";

const STEP_KEYS = new Set<string>([
  "ArrowLeft",
  "ArrowRight",
  "ArrowUp",
  "ArrowDown",
  "PageUp",
  "PageDown",
  "Home",
  "End",
]);

/** Whether the slider steps on this key. */
export function isStepKey(key: string): key is StepKey {
  return STEP_KEYS.has(key);
}

/**
 * The date a key moves the slider to: arrows a day (a week with Shift), Page Up/Down a month (a year with Shift),
 * Home and End the ends; always within [min, max].
 * @example stepDate("2009-03-31", "ArrowRight", false, "2008-02-17", "2026-12-06") // "2009-04-01"
 * @example stepDate("2009-04-07", "PageDown", true, "2008-02-17", "2026-12-06") // "2008-04-07"
 */
export function stepDate(date: IsoDate, key: StepKey, shift: boolean, min: IsoDate, max: IsoDate): IsoDate {
  const next = (() => {
    switch (key) {
      case "ArrowLeft":
      case "ArrowDown":
        return addDays(date, shift ? -7 : -1);
      case "ArrowRight":
      case "ArrowUp":
        return addDays(date, shift ? 7 : 1);
      case "PageDown":
        return addMonths(date, shift ? -12 : -1);
      case "PageUp":
        return addMonths(date, shift ? 12 : 1);
      case "Home":
        return min;
      case "End":
        return max;
    }
  })();
  return clampDate(next, min, max);
}

/**
 * A day as people read it, in English and UTC: the date the slider shows.
 * @example longDate("2009-04-07") // "7 April 2009"
 */
export function longDate(date: IsoDate): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}
