// The search box: the query as typed, submitted into the URL; the syntax help beside it, and a query the language
// cannot read explained right under it, with the place marked.
import { forwardRef, useEffect, useState, type FormEvent } from "react";
import type { ApiError } from "../../api/client.ts";
import { QueryError } from "./query-error.tsx";
import { QueryHelp } from "./query-help.tsx";

type Props = {
  /** The query in the URL; the box follows it when it changes (back, forward, a facet, a saved search). */
  query: string;
  onSubmit: (query: string) => void;
  /** The search's error; a BAD_QUERY is shown against the query it was about. */
  error: ApiError | undefined;
};

export const QueryBox = forwardRef<HTMLInputElement, Props>(function QueryBox({ query, onSubmit, error }, ref) {
  const [draft, setDraft] = useState(query);
  // An empty search page starts with the syntax open: it is what a new user needs first.
  const [helpOpen, setHelpOpen] = useState(query === "");
  useEffect(() => {
    setDraft(query);
    // Once there is a search, the results matter more than the syntax.
    if (query !== "") setHelpOpen(false);
  }, [query]);
  const badQuery = error?.code === "BAD_QUERY";

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit(draft.trim());
  }

  return (
    <div className="query-box">
      <form role="search" onSubmit={submit} className="query-form">
        <label htmlFor="search-query" className="visually-hidden">
          Search the archive
        </label>
        <input
          id="search-query"
          ref={ref}
          type="search"
          name="q"
          value={draft}
          placeholder='kosovo tag:PREL -"veto threat"'
          autoComplete="off"
          spellCheck={false}
          aria-invalid={badQuery}
          aria-describedby={badQuery ? "search-query-error" : "search-query-hint"}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" className="primary">
          Search
        </button>
        <button
          type="button"
          aria-expanded={helpOpen}
          aria-controls="search-help"
          onClick={() => setHelpOpen((open) => !open)}
        >
          {helpOpen ? "Hide syntax" : "Syntax"}
        </button>
      </form>
      <p id="search-query-hint" className="query-hint muted">
        Press <kbd className="kbd">/</kbd> to search, <kbd className="kbd">j</kbd> and <kbd className="kbd">k</kbd> to
        move through the results, <kbd className="kbd">Enter</kbd> to open one.
      </p>
      {badQuery && <QueryError id="search-query-error" query={query} error={error} />}
      {helpOpen && <QueryHelp id="search-help" />}
    </div>
  );
});
