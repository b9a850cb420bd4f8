// The results of one query, page after page: the first page when the query or order changes, more with the
// cursor the server gives. A query the language cannot read is refused here already, by the server's own parser,
// so the user sees where it is wrong at once.
import { useCallback, useEffect, useRef, useState } from "react";
import { api, ApiError, query as queryString } from "../../api/client.ts";
import type { SearchHit, SearchResult } from "../../api/types.ts";
import { isSearchQueryError, parseSearchQuery } from "../../../../src/core/search-language.ts";

export type SearchSort = SearchResult["sort"];

const PAGE_SIZE = 20;

export type SearchResults = {
  /** The first page's answer (total, facets); undefined before it arrives or without a query. */
  first: SearchResult | undefined;
  /** Every hit loaded so far, in order. */
  hits: SearchHit[];
  nextCursor: string | null;
  loading: boolean;
  loadingMore: boolean;
  error: ApiError | undefined;
  /** Fetches the next page, if there is one and none is on its way. */
  loadMore: () => void;
};

/** A BAD_QUERY error for a query the language cannot read, as the server would answer it. */
function localQueryError(q: string): ApiError | undefined {
  const parsed = parseSearchQuery(q);
  if (!isSearchQueryError(parsed)) return undefined;
  return new ApiError(400, "BAD_QUERY", parsed.message, { code: "BAD_QUERY", position: parsed.position });
}

/**
 * Searches for `q` (nothing while it is empty) in `sort` order.
 * @example const { hits, first, loadMore } = useSearchResults("kosovo tag:PREL", "date")
 */
export function useSearchResults(q: string, sort: SearchSort | undefined): SearchResults {
  const [first, setFirst] = useState<SearchResult | undefined>(undefined);
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const more = useRef<AbortController | null>(null);

  useEffect(() => {
    more.current?.abort();
    more.current = null;
    setHits([]);
    setFirst(undefined);
    setNextCursor(null);
    setLoadingMore(false);
    const bad = q.trim() === "" ? undefined : localQueryError(q);
    setError(bad);
    if (q.trim() === "" || bad) {
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    api<SearchResult>("GET", `/api/search${queryString({ q, sort, limit: PAGE_SIZE })}`, undefined, controller.signal)
      .then((result) => {
        setFirst(result);
        setHits(result.results);
        setNextCursor(result.nextCursor);
      })
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e instanceof ApiError ? e : new ApiError(0, "UNKNOWN", String(e), {}));
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [q, sort]);

  const loadMore = useCallback(() => {
    if (!nextCursor || more.current) return;
    const controller = new AbortController();
    more.current = controller;
    setLoadingMore(true);
    const path = `/api/search${queryString({ q, sort, limit: PAGE_SIZE, cursor: nextCursor })}`;
    api<SearchResult>("GET", path, undefined, controller.signal)
      .then((page) => {
        setHits((previous) => {
          const seen = new Set(previous.map((h) => h.id));
          return [...previous, ...page.results.filter((h) => !seen.has(h.id))];
        });
        setNextCursor(page.nextCursor);
      })
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e instanceof ApiError ? e : new ApiError(0, "UNKNOWN", String(e), {}));
      })
      .finally(() => {
        if (more.current === controller) more.current = null;
        if (!controller.signal.aborted) setLoadingMore(false);
      });
  }, [q, sort, nextCursor]);

  useEffect(() => () => more.current?.abort(), []);

  return { first, hits, nextCursor, loading, loadingMore, error, loadMore };
}
