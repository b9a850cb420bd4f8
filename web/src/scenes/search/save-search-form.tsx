// Saving the search on screen: a button that opens a small form asking for its name.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Problem } from "../../components/problem.tsx";
import type { SearchSort } from "./use-search-results.ts";
import type { SavedSearches } from "./use-saved-searches.ts";

type Props = {
  saved: SavedSearches;
  query: string;
  sort: SearchSort | undefined;
};

export function SaveSearchForm({ saved, query, sort }: Props) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const input = useRef<HTMLInputElement | null>(null);

  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);
  useEffect(() => {
    setOpen(false);
    setDone(null);
    setError(null);
  }, [query, sort]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const search = await saved.save(name, query, sort);
      setDone(search.name);
      setOpen(false);
      setName("");
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  }

  if (!open) {
    return (
      <div className="save-search">
        <button type="button" onClick={() => (setOpen(true), setDone(null), setName(query.slice(0, 80)))}>
          Save this search
        </button>
        {done && (
          <span className="saved-notice" role="status">
            Saved as “{done}”.
          </span>
        )}
      </div>
    );
  }
  return (
    <form className="save-search save-search-form" onSubmit={(e) => void submit(e)} aria-label="Save this search">
      <label htmlFor="saved-search-name">Name</label>
      <input
        id="saved-search-name"
        ref={input}
        value={name}
        maxLength={80}
        required
        onChange={(e) => setName(e.target.value)}
      />
      <button type="submit" className="primary" disabled={busy || name.trim() === ""}>
        Save
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        Cancel
      </button>
      <Problem error={error} />
    </form>
  );
}
