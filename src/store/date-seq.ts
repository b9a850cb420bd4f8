// Row numbers in date order: a cable's `seq` is its DTG minute times SLOTS plus a counter, so the newest cables
// have the highest numbers. The full-text index is keyed by `seq` and walks it newest first at no cost, which is
// what makes date order, date ranges and "the newest N matches" cheap on a large archive.

/** Row numbers per DTG minute (2^21): the counter's room. Minutes since 1900 times this stays below 2^53. */
export const SLOTS = 2 ** 21;

const EPOCH = Date.UTC(1900, 0, 1);
const LAST_BUCKET = 2 ** 31;

/**
 * The minute bucket of a date: minutes since 1900 plus one, from 1 to 2^31; 0 for an unknown date (sorts last).
 * @example dateBucket("1900-01-01T00:02:00Z") // 3
 * @example dateBucket(null) // 0
 */
export function dateBucket(iso: string | null): number {
  if (iso === null) return 0;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return 0;
  // Dates past the year 5900 (typing errors) share the last bucket, keeping seq below 2^53.
  return Math.min(LAST_BUCKET, Math.max(1, Math.floor((t - EPOCH) / 60_000) + 1));
}

/**
 * The first row number of a date's minute: rows at or after an instant have `seq >= seqAt(instant)`.
 * @example seqAt("2008-01-01T00:00:00Z") // dateBucket("2008-01-01T00:00:00Z") * SLOTS
 */
export function seqAt(iso: string): number {
  return dateBucket(iso) * SLOTS;
}
