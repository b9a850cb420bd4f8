// File names of exports, and the Content-Disposition header that offers them: a cable's by its id, a search's by its
// query and the day it was made, so that a folder of exports reads as a list of what was asked.
import { EXPORT_FORMAT_INFO, type CableExportFormat, type SearchExportFormat } from "../../core/index.ts";

/** The longest query part of a bulk export's file name, in characters. */
const QUERY_PART_MAX = 60;

/**
 * The file name of one cable's export: its id and the format's extension.
 * @example cableExportFileName("08STATE16245", "pdf") // "08STATE16245.pdf"
 */
export function cableExportFileName(id: string, format: CableExportFormat): string {
  return `${safePart(id, 64) || "cable"}.${EXPORT_FORMAT_INFO[format].extension}`;
}

/**
 * The file name of a search's export: `cables-`, the query's words and filters in lower case joined by hyphens (at
 * most 60 characters; `all` for the empty query), the day (UTC) and the format's extension.
 * @example searchExportFileName('kosovo tag:PREL "security council"', "zip", new Date("2024-05-01T09:00:00Z"))
 * // "cables-kosovo-tag-prel-security-council-2024-05-01.zip"
 */
export function searchExportFileName(q: string, format: SearchExportFormat, at: Date): string {
  const words = safePart(q.toLowerCase(), QUERY_PART_MAX) || "all";
  return `cables-${words}-${at.toISOString().slice(0, 10)}.${EXPORT_FORMAT_INFO[format].extension}`;
}

/**
 * The Content-Disposition of a download (RFC 6266): the ASCII name, and the UTF-8 one for clients that read it.
 * @example contentDisposition("08STATE16245.pdf") // 'attachment; filename="08STATE16245.pdf"; filename*=UTF-8\'\'08STATE16245.pdf'
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Letters and digits (accents dropped) joined by single hyphens, cut at a hyphen within `max` characters. */
function safePart(text: string, max: number): string {
  const plain = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max + 1);
  const hyphen = cut.lastIndexOf("-");
  return (hyphen > 0 ? cut.slice(0, hyphen) : cut.slice(0, max)).replace(/-+$/, "");
}
