// Calendar dates as ISO 8601 strings (`2009-04-01`) and half-open intervals over them. Strings of this one shape
// compare in calendar order, so reference data stays plain JSON and lookups need no Date objects.

/** A calendar day, `YYYY-MM-DD`. */
export type IsoDate = string;

/** Matches a well-formed `YYYY-MM-DD` with a plausible month and day. */
export const ISO_DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A half-open interval [from, to): `from` null means "since before any date we ask about", `to` null "still". */
export type DateInterval = { from: IsoDate | null; to: IsoDate | null };

/**
 * Whether `on` falls in the half-open interval [from, to).
 * @example inInterval({ from: "2009-04-01", to: null }, "2009-03-31") // false
 * @example inInterval({ from: null, to: "2020-01-31" }, "2020-01-31") // false: the end day is outside
 */
export function inInterval(interval: DateInterval, on: IsoDate): boolean {
  return (interval.from === null || interval.from <= on) && (interval.to === null || on < interval.to);
}
