// The side list of the user's saved searches: each runs with a click (a link to its search), can watch for new
// cables (a notice for each new match) and can be removed.
import { useState } from "react";
import { Link } from "react-router";
import { query as queryString } from "../../api/client.ts";
import type { SavedSearch } from "../../api/types.ts";
import { Problem } from "../../components/problem.tsx";
import type { SavedSearches } from "./use-saved-searches.ts";

type Props = {
  saved: SavedSearches;
  /** The search on screen, to mark the saved search it is. */
  current: { q: string; sort: string | undefined };
};

function searchPath(search: SavedSearch): string {
  return `/search${queryString({ q: search.query, sort: search.sort })}`;
}

export function SavedSearchList({ saved, current }: Props) {
  const [error, setError] = useState<Error | null>(null);
  const items = saved.data ?? [];
  return (
    <section className="saved-searches" aria-labelledby="saved-searches-title">
      <h2 id="saved-searches-title" className="side-title">
        Saved searches
      </h2>
      {saved.error && <Problem error={saved.error} />}
      <Problem error={error} />
      {saved.data && items.length === 0 && <p className="muted saved-empty">None yet: run a search and save it.</p>}
      <ul className="saved-list">
        {items.map((search) => {
          const isCurrent = search.query === current.q && (search.sort ?? undefined) === current.sort;
          return (
            <li key={search.id} className={isCurrent ? "current" : undefined}>
              <Link to={searchPath(search)} title={search.query} aria-current={isCurrent ? "page" : undefined}>
                <span className="saved-name">{search.name}</span>
                <span className="saved-query mono">{search.query}</span>
              </Link>
              <button
                type="button"
                className="saved-watch"
                aria-pressed={search.watch}
                aria-label={`Watch saved search ${search.name} for new cables`}
                title={search.watch ? "Watching: new matching cables are noticed" : "Watch for new cables"}
                onClick={() => {
                  setError(null);
                  saved.watch(search.id, !search.watch).catch((e: unknown) => setError(e as Error));
                }}
              >
                {search.watch ? "Watching" : "Watch"}
              </button>
              <button
                type="button"
                className="saved-remove"
                aria-label={`Remove saved search ${search.name}`}
                title="Remove"
                onClick={() => {
                  setError(null);
                  saved.remove(search.id).catch((e: unknown) => setError(e as Error));
                }}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
