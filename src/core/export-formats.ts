// What a cable or a search's results can be exported as: the formats, their file extensions and media types. The
// server, the CLI and the web offer exactly these.

/** Formats of one cable: its telegram text, the cable as the API gives it (JSON), or a printable PDF. */
export const CABLE_EXPORT_FORMATS = ["telegram", "json", "pdf"] as const;
export type CableExportFormat = (typeof CABLE_EXPORT_FORMATS)[number];

/** Formats of a search's results: every cable as a JSON line, their metadata as CSV, or their telegrams in a ZIP. */
export const SEARCH_EXPORT_FORMATS = ["jsonl", "csv", "zip"] as const;
export type SearchExportFormat = (typeof SEARCH_EXPORT_FORMATS)[number];

/** The file extension and media type of each format, and how the web and the CLI name it. */
export const EXPORT_FORMAT_INFO: Record<
  CableExportFormat | SearchExportFormat,
  { extension: string; contentType: string; label: string }
> = {
  telegram: { extension: "txt", contentType: "text/plain; charset=utf-8", label: "Telegram text" },
  json: { extension: "json", contentType: "application/json; charset=utf-8", label: "JSON" },
  pdf: { extension: "pdf", contentType: "application/pdf", label: "PDF" },
  jsonl: { extension: "jsonl", contentType: "application/x-ndjson; charset=utf-8", label: "JSON Lines" },
  csv: { extension: "csv", contentType: "text/csv; charset=utf-8; header=present", label: "CSV of metadata" },
  zip: { extension: "zip", contentType: "application/zip", label: "ZIP of telegrams" },
};

/** The CSV's columns, in order: one row per cable, several values in a cell joined by "; ". */
export const EXPORT_CSV_COLUMNS = [
  "id",
  "date",
  "origin",
  "classification",
  "captions",
  "precedence",
  "subject",
  "tags",
  "references",
] as const;

/**
 * Whether a value names a search export format.
 * @example isSearchExportFormat("zip") // true
 */
export function isSearchExportFormat(value: string): value is SearchExportFormat {
  return (SEARCH_EXPORT_FORMATS as readonly string[]).includes(value);
}
