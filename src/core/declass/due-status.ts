// Where a review date stands on a given day: overdue, due that day, scheduled later, or never.

/** One list gives the values, the type and the order (most urgent first). */
export const DUE_STATUSES = ["overdue", "due", "scheduled", "none"] as const;
export type DueStatus = (typeof DUE_STATUSES)[number];

/**
 * Where a review date stands on `today` (both ISO dates): past is overdue, the day itself is due.
 * @example dueStatus("2019-04-16", "2026-12-06") // "overdue"
 * @example dueStatus(null, "2026-12-06") // "none"
 */
export function dueStatus(reviewOn: string | null, today: string): DueStatus {
  if (reviewOn === null) return "none";
  if (reviewOn < today) return "overdue";
  return reviewOn === today ? "due" : "scheduled";
}

/**
 * The ISO date of an instant, in UTC: the day review dates are compared with.
 * @example isoDay(new Date("2026-12-06T08:00:00Z")) // "2026-12-06"
 */
export function isoDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/**
 * The day after an ISO date: "on or before D" is "before the day after D".
 * @example nextDay("2019-12-31") // "2020-01-01"
 */
export function nextDay(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
