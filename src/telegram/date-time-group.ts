// Date-time groups (`162319Z FEB 08`) and the other dates telegrams carry (DECL dates, banners).
import { fullYear } from "../core/cable-id.ts";

export const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"] as const;

const MONTH_NAMES = [
  "JANUARY",
  "FEBRUARY",
  "MARCH",
  "APRIL",
  "MAY",
  "JUNE",
  "JULY",
  "AUGUST",
  "SEPTEMBER",
  "OCTOBER",
  "NOVEMBER",
  "DECEMBER",
];

/**
 * Builds an ISO 8601 UTC timestamp from parts, or null when they do not make a real date.
 * @example isoDateTime(2008, 2, 16, 23, 19) // "2008-02-16T23:19:00Z"
 */
export function isoDateTime(year: number, month: number, day: number, hour: number, minute: number): string | null {
  if (hour > 23 || minute > 59) return null;
  const date = isoDate(year, month, day);
  return date === null ? null : `${date}T${pad2(hour)}:${pad2(minute)}:00Z`;
}

/**
 * Builds an ISO date (YYYY-MM-DD), or null when the day does not exist in that month.
 * @example isoDate(2019, 4, 16) // "2019-04-16"
 */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/** Month number (1-12) of a three-letter or full English month name in any case, or 0. */
export function monthNumber(name: string): number {
  const upper = name.toUpperCase();
  const short = MONTHS.indexOf(upper.slice(0, 3) as (typeof MONTHS)[number]) + 1;
  if (short === 0) return 0;
  return upper.length === 3 || MONTH_NAMES[short - 1]!.startsWith(upper) ? short : 0;
}

/**
 * Reads the date-time group `DDHHMMZ MON YY` into an ISO timestamp.
 * @example dtgToIso("16", "23", "19", "FEB", "08") // "2008-02-16T23:19:00Z"
 */
export function dtgToIso(day: string, hour: string, minute: string, month: string, yy: string): string | null {
  const m = monthNumber(month);
  if (m === 0) return null;
  return isoDateTime(fullYear(Number(yy)), m, Number(day), Number(hour), Number(minute));
}

/**
 * Writes an ISO timestamp as a date-time group.
 * @example formatDtg("2008-02-16T23:19:00Z") // "162319Z FEB 08"
 */
export function formatDtg(iso: string): string {
  const d = new Date(iso);
  const yy = pad2(d.getUTCFullYear() % 100);
  return `${pad2(d.getUTCDate())}${pad2(d.getUTCHours())}${pad2(d.getUTCMinutes())}Z ${MONTHS[d.getUTCMonth()]} ${yy}`;
}

/**
 * Reads a declassification date in the forms cables use: MM/DD/YYYY, M/D/YYYY, MM/DD/YY, YYYY/MM/DD
 * (also with `-` or `.`). Null when the text is not such a date.
 * @example declDate("04/16/2019") // "2019-04-16"
 * @example declDate("2019/04/16") // "2019-04-16"
 */
export function declDate(text: string): string | null {
  let m = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  if (!m) return null;
  // DECL dates lie in the future of the cable, so a two-digit year is always 20xx (or 19xx for 66-99 traffic).
  const year = m[3]!.length === 2 ? fullYear(Number(m[3])) : Number(m[3]);
  return isoDate(year, Number(m[1]), Number(m[2]));
}

/**
 * Formats an ISO date as a DECL date, MM/DD/YYYY.
 * @example formatDeclDate("2019-04-16") // "04/16/2019"
 */
export function formatDeclDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${m}/${d}/${y}`;
}
