// The facets of a search: tags (with what each code means), origin, classification and year, counted over the
// cables the user may read that match.
import type { SearchResult } from "../../api/types.ts";
import { describeTag } from "../../../../src/core/index.ts";
import { FacetGroup } from "./facet-group.tsx";
import type { FacetKind } from "./facet-filters.ts";

type Props = {
  facets: SearchResult["facets"];
  /** False when the server counted a sample of the matches. */
  exact: boolean;
  query: string;
  onToggle: (kind: FacetKind, value: string) => void;
};

function tagMeaning(code: string): string | null {
  return describeTag(code).description;
}

export function FacetPanel({ facets, exact, query, onToggle }: Props) {
  return (
    <div className="facet-panel" aria-label="Narrow the results">
      <h2 className="side-title">Narrow the results</h2>
      {!exact && <p className="muted facet-note">Counts are from a sample of the matches.</p>}
      <FacetGroup
        kind="classification"
        title="Classification"
        values={facets.classification}
        query={query}
        onToggle={onToggle}
      />
      <FacetGroup
        kind="tags"
        title="Tags"
        values={facets.tags}
        query={query}
        onToggle={onToggle}
        describe={tagMeaning}
      />
      <FacetGroup kind="origin" title="Origin" values={facets.origin} query={query} onToggle={onToggle} />
      <FacetGroup kind="year" title="Year" values={facets.year} query={query} onToggle={onToggle} />
    </div>
  );
}
