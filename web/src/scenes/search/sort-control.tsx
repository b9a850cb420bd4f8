// The order of the results: by relevance (the words and phrases) or by date, newest first.
import type { SearchSort } from "./use-search-results.ts";

type Props = {
  /** What the server sorted by (its default when the URL says nothing). */
  sort: SearchSort;
  onChange: (sort: SearchSort) => void;
};

export function SortControl({ sort, onChange }: Props) {
  return (
    <label className="sort-control">
      Sort by
      <select value={sort} onChange={(e) => onChange(e.target.value as SearchSort)}>
        <option value="relevance">Relevance</option>
        <option value="date">Date, newest first</option>
      </select>
    </label>
  );
}
