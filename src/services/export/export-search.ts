// Exports a search's results for a user: the cables the same search shows them (counted and walked under their access
// at export time), as JSON Lines, CSV of metadata or a ZIP of telegrams, streamed, and recorded in the audit log.
import { EXPORT_FORMAT_INFO, type SearchExportFormat } from "../../core/index.ts";
import { isSearchQueryError, parseSearchQuery } from "../../core/search-language.ts";
import type { Reader } from "../access/index.ts";
import type { Actor } from "../audit/audit-entry.ts";
import { recordAuditGrouped } from "../audit/record-audit.ts";
import type { Deps } from "../clock.ts";
import { CablegramError } from "../errors.ts";
import { compileQuery } from "../search/compile-query.ts";
import { planSearch } from "../search/plan-search.ts";
import type { SearchPlan } from "../../store/search-engine.ts";
import { csvChunks } from "./csv-chunks.ts";
import { DEFAULT_EXPORT_MAX } from "./export-limit.ts";
import { searchExportFileName } from "./export-file-name.ts";
import { jsonlChunks } from "./jsonl-chunks.ts";
import { searchPages, tooLarge } from "./search-pages.ts";
import { zipChunks } from "./zip-chunks.ts";

export type SearchExportOptions = {
  /** The query, in the search language; "" exports everything the reader may read. */
  q: string;
  format: SearchExportFormat;
  /** The most cables the export may hold; DEFAULT_EXPORT_MAX when absent. */
  max?: number;
  /** Told after each page is read, with the cables read so far and the count: a progress bar's feed. */
  onProgress?: (done: number, count: number) => void;
};

/** An export ready to stream: everything known before the first byte, and the bytes. */
export type SearchExport = {
  /** The cables it holds (matches the reader may read, counted at its start). */
  count: number;
  fileName: string;
  contentType: string;
  /** The file, chunk by chunk, produced as it is read; throws if the export cannot be finished. */
  chunks: AsyncIterable<Uint8Array>;
};

/**
 * Counts what `q` matches for `reader` (exactly, up to the limit), refuses a query it cannot read (BAD_QUERY) or
 * more matches than the limit (EXPORT_TOO_LARGE) before anything is written, records `cable.export` (the query,
 * the count, the format and `detail`) and returns the export to stream. Its cables are those the search shows the
 * reader, newest first.
 * @example const { count, chunks } = await exportSearch(deps, actor, reader, { q: "kosovo", format: "zip" })
 */
export async function exportSearch(
  deps: Deps,
  actor: Actor,
  reader: Reader,
  options: SearchExportOptions,
  detail: Record<string, unknown> = {},
): Promise<SearchExport> {
  const max = options.max ?? DEFAULT_EXPORT_MAX;
  const plan = planOf(deps, reader, options.q);
  const count = await deps.store.search.countUpTo(plan, max + 1);
  if (count > max) throw tooLarge(count, max);
  const now = deps.clock.now();
  await recordAuditGrouped(deps, {
    actor,
    action: "cable.export",
    target: options.q,
    resultCount: count,
    detail: { format: options.format, ...detail },
  });
  const pages = withProgress(searchPages(deps.store, plan, max), count, options.onProgress);
  const chunks =
    options.format === "jsonl"
      ? jsonlChunks(pages)
      : options.format === "csv"
        ? csvChunks(pages)
        : zipChunks(pages, now);
  return {
    count,
    fileName: searchExportFileName(options.q, options.format, now),
    contentType: EXPORT_FORMAT_INFO[options.format].contentType,
    chunks,
  };
}

/** The pages as they are, telling `onProgress` how many cables have gone by. */
async function* withProgress<T>(
  pages: AsyncIterable<T[]>,
  count: number,
  onProgress: ((done: number, count: number) => void) | undefined,
): AsyncGenerator<T[]> {
  let done = 0;
  for await (const page of pages) {
    yield page;
    done += page.length;
    onProgress?.(done, count);
  }
}

/** How large an export of a search would be: `count` exactly up to `max`, `max + 1` past it. */
export type ExportSize = { count: number; max: number; tooLarge: boolean };

/**
 * Counts what an export of `q` would hold for `reader`, exactly up to the limit, recording it as a search
 * (`cable.search`, `detail.for: "export"`): a client asks before it starts a download it would have to abandon.
 * @example await exportSize(deps, actor, reader, { q: "kosovo" }) // { count: 2, max: 50000, tooLarge: false }
 */
export async function exportSize(
  deps: Deps,
  actor: Actor,
  reader: Reader,
  options: { q: string; max?: number },
  detail: Record<string, unknown> = {},
): Promise<ExportSize> {
  const max = options.max ?? DEFAULT_EXPORT_MAX;
  const count = await deps.store.search.countUpTo(planOf(deps, reader, options.q), max + 1);
  await recordAuditGrouped(deps, {
    actor,
    action: "cable.search",
    target: options.q,
    resultCount: Math.min(count, max),
    detail: { for: "export", tooLarge: count > max, ...detail },
  });
  return { count, max, tooLarge: count > max };
}

/** The search's plan for the reader; BAD_QUERY for a query the language cannot read. */
function planOf(deps: Deps, reader: Reader, q: string): SearchPlan {
  const parsed = parseSearchQuery(q);
  if (isSearchQueryError(parsed)) {
    throw new CablegramError("BAD_QUERY", `${parsed.message} (at ${parsed.position})`, { position: parsed.position });
  }
  return planSearch(deps.store, compileQuery(parsed), reader);
}
