// The country table's order and its CSV export: the rows of the day, sortable by any column, and written out as
// RFC 4180 CSV that a spreadsheet opens without running anything a cell holds.
import type { CountryRow } from "./country-positions.ts";
import { sourceLabel } from "./event-source.ts";

export const SORT_KEYS = ["name", "position", "effectiveOn", "source", "confidence"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = "ascending" | "descending";

const CONFIDENCE_ORDER = ["confirmed", "reported", "unconfirmed"];

/**
 * The text of a row's source column: its sources' labels joined by "; ".
 * @example sourceText(row) // "cable 09STATE39345"
 */
export function sourceText(row: CountryRow): string {
  return row.event?.sources.map(sourceLabel).join("; ") ?? "";
}

function rank(row: CountryRow, key: SortKey, scale: readonly string[]): string | number | null {
  switch (key) {
    case "name":
      return row.name;
    case "position":
      return row.position === null ? null : scale.indexOf(row.position.code);
    case "effectiveOn":
      return row.event?.effectiveOn ?? null;
    case "source":
      return row.event === null ? null : sourceText(row);
    case "confidence":
      return row.event === null ? null : CONFIDENCE_ORDER.indexOf(row.event.confidence);
  }
}

/**
 * The rows sorted by a column; rows without a position go last in either direction, ties go by name.
 * @example sortRows(rows, "effectiveOn", "ascending", ["recognizes"])[0].iso2 // "CR", the first to recognize
 */
export function sortRows(
  rows: readonly CountryRow[],
  key: SortKey,
  direction: SortDirection,
  scale: readonly string[],
): CountryRow[] {
  const sign = direction === "ascending" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = rank(a, key, scale);
    const y = rank(b, key, scale);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else if (x !== y) {
      const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
      if (order !== 0) return sign * order;
    }
    return a.name.localeCompare(b.name);
  });
}

/**
 * One CSV field: quoted when it holds a comma, quote or line break; a leading `=`, `+`, `-`, `@`, tab or carriage
 * return is preceded by `'` so that a spreadsheet shows a note such as "=HYPERLINK(...)" rather than running it.
 * @example csvField('He said "no", twice') // '"He said ""no"", twice"'
 * @example csvField("=1+1") // "'=1+1"
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The CSV's columns, in order. */
export const CSV_HEADER = ["iso2", "country", "position", "effective_on", "confidence", "source", "note"] as const;

/**
 * The rows as CSV, a header first, lines ended by CRLF as RFC 4180 has it.
 * @example toCsv([franceRow]) // "iso2,country,...\r\nFR,France,recognizes,2008-02-18,confirmed,https://...,\r\n"
 */
export function toCsv(rows: readonly CountryRow[]): string {
  const lines = [CSV_HEADER.join(",")];
  for (const row of rows) {
    const fields = [
      row.iso2,
      row.name,
      row.position?.code ?? "",
      row.event?.effectiveOn ?? "",
      row.event?.confidence ?? "",
      sourceText(row),
      row.event?.note ?? "",
    ];
    lines.push(fields.map(csvField).join(","));
  }
  return lines.map((line) => `${line}\r\n`).join("");
}
