// Searches the archive for a reader: full text and fielded filters, facets, snippets and cursor pagination.
import type { Store } from "../../store/open-store.ts";
import { COUNT_CAP, FACET_SAMPLE, type PageRow } from "../../store/search-engine.ts";
import type { Reader } from "../access/index.ts";
import { CablegramError } from "../errors.ts";
import { compileQuery } from "./compile-query.ts";
import { planSearch } from "./plan-search.ts";
import { isSearchQueryError, parseSearchQuery } from "../../core/search-language.ts";
import { decodeCursor, encodeCursor, type SearchSort } from "./search-cursor.ts";
import { snippetMemory, type TermSnippets } from "./snippet-memory.ts";
import { storedBodies } from "../archive/stored-bodies.ts";

export type SearchOptions = {
  /** The query, in the language of SEARCH_HELP; "" lists everything readable, newest first. */
  q: string;
  /** Results per page, 1 to 100; 20 by default. */
  limit?: number;
  /** `nextCursor` of the previous page; null or absent for the first. */
  cursor?: string | null;
  /** Relevance (the default when the query has words or phrases) or date, newest first. */
  sort?: SearchSort;
  /** When the search runs, for `decl:due`; the present by default. */
  now?: Date;
};

export type SearchHit = {
  id: string;
  subject: string | null;
  dtg: string | null;
  classification: string | null;
  /** HTML: escaped text with the matches in <mark>…</mark>. */
  snippet: string;
};

export type FacetCount = { value: string; count: number };

export type SearchResult = {
  /** Matches the reader may read; past 10,000 it is 10,000 and `totalIsLowerBound` is true ("10,000+"). */
  total: number;
  totalIsLowerBound: boolean;
  results: SearchHit[];
  /** Counts among the matches (past 2,000 matches, among a sample of 2,000), most frequent first, 20 at most each. */
  facets: { tags: FacetCount[]; origin: FacetCount[]; classification: FacetCount[]; year: FacetCount[] };
  /** False when the facets were counted over a sample of 2,000 matches rather than all of them. */
  facetsAreExact: boolean;
  /** The order used: relevance falls back to date when the query has no words or phrases. */
  sort: SearchSort;
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
};

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;
const FACET_SIZE = 20;

/**
 * Searches the cables `reader` may read. Access is applied inside every query, so results, the total, facet
 * counts and snippets never reveal a cable the reader may not read. The work is capped (see search-engine.ts) so
 * that common words answer as fast as rare ones: totals past 10,000 are lower bounds.
 * Throws BAD_QUERY (with `details.position`) for a query that cannot be read, BAD_CURSOR for a foreign cursor.
 * @example await searchCables(store, reader, { q: 'kosovo tag:UNSC "security council"' })
 * // { total: 1, totalIsLowerBound: false, results: [{ id: "08STATE16245", snippet: "…<mark>Security Council</mark>…", ... }], ... }
 */
export async function searchCables(store: Store, reader: Reader, options: SearchOptions): Promise<SearchResult> {
  const parsed = parseSearchQuery(options.q);
  if (isSearchQueryError(parsed)) {
    throw new CablegramError("BAD_QUERY", `${parsed.message} (at ${parsed.position})`, { position: parsed.position });
  }
  const query = compileQuery(parsed, options.now);
  const sort: SearchSort = query.highlight.length > 0 && options.sort !== "date" ? "relevance" : "date";
  const asked = Number.isFinite(options.limit) ? Math.floor(options.limit!) : DEFAULT_LIMIT;
  const limit = Math.min(MAX_LIMIT, Math.max(1, asked));
  const after = options.cursor ? decodeCursor(options.cursor, query.fingerprint, sort) : null;

  const plan = planSearch(store, query, reader);
  // The page and the count start together: an engine with a connection to spare runs them at once, and a relevance
  // page that needs the count to know whether every match can be ranked waits for it there.
  const counting = store.search.countAndFacets(plan);
  const paging =
    sort !== "relevance"
      ? store.search.datePage(plan, after, limit + 1)
      : store.search.relevancePage(plan, after, limit + 1, counting);
  // Snippets are cut (a telegram not shown lately is parsed again) as soon as the page is in, while the count may still run.
  const snippets = remembered.forTerms(query.highlight);
  const hits = paging.then((rows) => rows.slice(0, limit).map((row) => hitOf(row, snippets)));
  const [{ count, facets }, rows, results] = await Promise.all([counting, paging, hits]);
  const lowerBound = count >= COUNT_CAP;

  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    total: lowerBound ? COUNT_CAP - 1 : count,
    totalIsLowerBound: lowerBound,
    results,
    facets: {
      tags: topCounts(facets.tags),
      origin: topCounts(facets.origin),
      classification: topCounts(facets.classification),
      year: topCounts(facets.year),
    },
    facetsAreExact: count <= FACET_SAMPLE,
    sort,
    nextCursor:
      rows.length > limit && last
        ? encodeCursor(
            { sort, score: last.score === null ? null : Number(last.score), seq: Number(last.seq) },
            query.fingerprint,
          )
        : null,
  };
}

// One memory for every store of the process: a body is used only with the very text it was parsed from.
const bodies = storedBodies();
const remembered = snippetMemory();

function hitOf(row: PageRow, snippets: TermSnippets): SearchHit {
  return {
    id: row.id,
    subject: row.subject,
    dtg: row.dtg,
    classification: row.classification,
    snippet: snippets.of(row.id, bodies.bodyOf(row)),
  };
}

function topCounts(counts: Map<string, number> | undefined): FacetCount[] {
  if (!counts) return [];
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    .slice(0, FACET_SIZE);
}
