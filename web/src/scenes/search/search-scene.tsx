// The search page (/search?q=…&sort=…): the query lives in the URL, so back and forward work and a search can be
// shared as a link. Saved searches and the facets on the side, the results with their count in the middle, and an
// export of them all.
import { useCallback, useRef, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { Problem } from "../../components/problem.tsx";
import { ExportForm } from "./export-form.tsx";
import { FacetPanel } from "./facet-panel.tsx";
import { toggleFacetFilter, type FacetKind } from "./facet-filters.ts";
import { LoadMore } from "./load-more.tsx";
import { QueryBox } from "./query-box.tsx";
import { ResultCount } from "./result-count.tsx";
import { ResultList } from "./result-list.tsx";
import { SaveSearchForm } from "./save-search-form.tsx";
import { SavedSearchList } from "./saved-search-list.tsx";
import { SearchNotices } from "./search-notices.tsx";
import { SortControl } from "./sort-control.tsx";
import { useSavedSearches } from "./use-saved-searches.ts";
import { useSearchKeys } from "./use-search-keys.ts";
import { useSearchResults, type SearchSort } from "./use-search-results.ts";

function sortOf(value: string | null): SearchSort | undefined {
  return value === "relevance" || value === "date" ? value : undefined;
}

export function SearchScene() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const q = params.get("q") ?? "";
  const sort = sortOf(params.get("sort"));
  const results = useSearchResults(q, sort);
  const saved = useSavedSearches();
  const searchBox = useRef<HTMLInputElement | null>(null);
  const [selected, setSelected] = useState(-1);
  const [shownFor, setShownFor] = useState({ q, sort });
  if (shownFor.q !== q || shownFor.sort !== sort) {
    // A new search starts with nothing selected.
    setShownFor({ q, sort });
    setSelected(-1);
  }

  const go = useCallback(
    (next: { q: string; sort: SearchSort | undefined }) => {
      const search = new URLSearchParams();
      if (next.q) search.set("q", next.q);
      if (next.sort) search.set("sort", next.sort);
      setParams(search);
    },
    [setParams],
  );
  const onToggle = useCallback(
    (kind: FacetKind, value: string) => go({ q: toggleFacetFilter(q, kind, value), sort }),
    [go, q, sort],
  );
  const open = useCallback(
    (index: number) => {
      const hit = results.hits[index];
      if (hit) navigate(`/cables/${encodeURIComponent(hit.id)}`);
    },
    [navigate, results.hits],
  );
  useSearchKeys({ searchBox, count: results.hits.length, selected, onSelect: setSelected, onOpen: open });

  const first = results.first;
  const badQuery = results.error?.code === "BAD_QUERY";
  return (
    <div className="search-scene">
      <h1>Search</h1>
      <div className="search-layout">
        <aside className="search-side" aria-label="Saved searches and filters">
          <SavedSearchList saved={saved} current={{ q, sort }} />
          <SearchNotices />
          {first && <FacetPanel facets={first.facets} exact={first.facetsAreExact} query={q} onToggle={onToggle} />}
        </aside>
        <div className="search-main">
          <QueryBox ref={searchBox} query={q} error={results.error} onSubmit={(next) => go({ q: next, sort })} />
          {results.error && !badQuery && <Problem error={results.error} />}
          <div className="results-bar">
            <ResultCount
              total={first?.total}
              isLowerBound={first?.totalIsLowerBound ?? false}
              loading={results.loading}
              searched={q.trim() !== ""}
              invalid={badQuery}
            />
            {q.trim() !== "" && !badQuery && (
              <div className="results-actions">
                <SaveSearchForm saved={saved} query={q} sort={sort} />
                <ExportForm query={q} />
                <SortControl sort={first?.sort ?? sort ?? "relevance"} onChange={(next) => go({ q, sort: next })} />
              </div>
            )}
          </div>
          <ResultList hits={results.hits} selected={selected} onSelect={setSelected} />
          <LoadMore
            hasMore={results.nextCursor !== null}
            loading={results.loadingMore}
            onLoadMore={results.loadMore}
            shown={results.hits.length}
          />
        </div>
      </div>
    </div>
  );
}
