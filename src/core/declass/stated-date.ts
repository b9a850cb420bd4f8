// Dates as declassification lines write them: 04/16/2019, 4/16/19, 2019/04/16, 011/2/2019, 16/04/2019,
// 08 OCTOBER 2019, JUNE 21, 2006, and glued to what follows (04/16/2019TAGS).
import { fullYear } from "../cable-id.ts";

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const MONTH =
  "(JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEP(?:T(?:EMBER)?)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)\\.?";
// Digits are bounded by non-digits, not word boundaries: a run-on line glues the date to the next word.
const YEAR_FIRST = /(?<!\d)(\d{4})[/.-](\d{1,3})[/.-](\d{1,3})(?!\d)/;
const YEAR_LAST = /(?<!\d)(\d{1,3})[/.-](\d{1,3})[/.-](\d{4}|\d{2})(?!\d)/;
const DAY_MONTH_YEAR = new RegExp(`(?<!\\d)(\\d{1,2})\\s+${MONTH}\\s*,?\\s*(\\d{4})(?!\\d)`, "i");
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})\\s*,?\\s*(\\d{4})(?!\\d)`, "i");

/**
 * Builds an ISO date (YYYY-MM-DD), or null when the day does not exist.
 * @example calendarDate(2019, 2, 30) // null
 */
export function calendarDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * The first date written anywhere in a declassification instruction, in any of the forms cables use, as an ISO
 * date; null when there is none. Month first is the American order cables use; a first number above 12 is a day
 * (16/04/2019 as some posts write it). A two-digit year is read as the telegram's years are (66-99 are 19xx).
 * @example statedDate("DECL: 04/16/2019") // "2019-04-16"
 * @example statedDate("DECL: 011/2/2019") // "2019-11-02"
 * @example statedDate("DECL: 08 OCTOBER 2019") // "2019-10-08"
 * @example statedDate("AS AMENDED; DECLASSIFIED JUNE 21, 2006") // "2006-06-21"
 * @example statedDate("DECL: OADR") // null
 */
export function statedDate(text: string): string | null {
  const candidates: { at: number; date: string | null }[] = [];
  let m = YEAR_FIRST.exec(text);
  if (m) candidates.push({ at: m.index, date: calendarDate(Number(m[1]), Number(m[2]), Number(m[3])) });
  m = YEAR_LAST.exec(text);
  if (m) {
    const year = m[3]!.length === 2 ? fullYear(Number(m[3])) : Number(m[3]);
    const first = Number(m[1]);
    const second = Number(m[2]);
    candidates.push({ at: m.index, date: calendarDate(year, first, second) ?? calendarDate(year, second, first) });
  }
  m = DAY_MONTH_YEAR.exec(text);
  if (m) candidates.push({ at: m.index, date: calendarDate(Number(m[3]), monthOf(m[2]!), Number(m[1])) });
  m = MONTH_DAY_YEAR.exec(text);
  if (m) candidates.push({ at: m.index, date: calendarDate(Number(m[3]), monthOf(m[1]!), Number(m[2])) });
  const found = candidates.filter((c) => c.date !== null).sort((a, b) => a.at - b.at);
  return found[0]?.date ?? null;
}

function monthOf(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toUpperCase()) + 1;
}
