// Times as a cable office writes them: the date-time group in UTC (`162319Z FEB 08`), and plain dates.
const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

/**
 * An ISO instant as a date-time group.
 * @example dateTimeGroup("2008-02-16T23:19:00Z") // "162319Z FEB 08"
 */
export function dateTimeGroup(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}Z ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCFullYear() % 100)}`;
}

/**
 * An ISO instant as a short local date and time for lists.
 * @example shortTime("2026-12-01T18:00:00Z") // "1 Dec 2026, 18:00"
 */
export function shortTime(iso: string | null | undefined): string {
  return localTime(iso, { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });
}

/**
 * An ISO instant as a local day and time to the second, for steps seconds apart (a copy's hops).
 * @example preciseTime("2026-12-01T18:00:05Z") // "1 Dec, 18:00:05"
 */
export function preciseTime(iso: string | null | undefined): string {
  return localTime(iso, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", second: "2-digit" });
}

function localTime(iso: string | null | undefined, parts: Intl.DateTimeFormatOptions): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString("en-GB", parts);
}
