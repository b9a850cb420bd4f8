// The cables a search matches, page after page, newest first, for an export: the search's own plan (the reader's
// access applied inside every page's query, at the time of that page), walked with its cursor to the last match.
import type { Store } from "../../store/open-store.ts";
import type { SearchPlan } from "../../store/search-engine.ts";
import { CablegramError } from "../errors.ts";
import { exportedCableOf, type ExportedCable } from "./exported-cable.ts";

/** Rows fetched a page: a few megabytes of telegram text at most. */
export const EXPORT_PAGE_SIZE = 250;

/**
 * The plan's matches, newest first, EXPORT_PAGE_SIZE at a time. More than `max` matches (cables archived since the
 * export was counted) throws EXPORT_TOO_LARGE rather than end the export quietly short.
 * @example for await (const page of searchPages(store, plan, 50_000)) write(page)
 */
export async function* searchPages(
  store: Store,
  plan: SearchPlan,
  max: number,
  pageSize = EXPORT_PAGE_SIZE,
): AsyncGenerator<ExportedCable[]> {
  let after: { score: null; seq: number } | null = null;
  let written = 0;
  for (;;) {
    const rows = await store.search.datePage(plan, after, pageSize);
    if (rows.length === 0) return;
    written += rows.length;
    if (written > max) throw tooLarge(written, max);
    yield rows.map(exportedCableOf);
    if (rows.length < pageSize) return;
    after = { score: null, seq: Number(rows[rows.length - 1]!.seq) };
  }
}

/**
 * The EXPORT_TOO_LARGE error: how many match (at least), the limit, and how to narrow the export.
 * @example throw tooLarge(50_001, 50_000)
 */
export function tooLarge(count: number, max: number): CablegramError {
  const n = (value: number) => value.toLocaleString("en-US");
  return new CablegramError(
    "EXPORT_TOO_LARGE",
    `More than ${n(max)} cables match (an export may hold ${n(max)} at most): narrow the query with a date range ` +
      `(from:2008 to:2009), a tag (tag:PREL) or a classification, or ask an administrator to raise CABLEGRAM_EXPORT_MAX.`,
    { count, max },
  );
}
