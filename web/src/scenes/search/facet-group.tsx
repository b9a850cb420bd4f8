// One facet (tags, origin, classification or year): its values with their counts, each a toggle button that adds
// its filter to the query or takes it out again.
import { useState } from "react";
import type { Facet } from "../../api/types.ts";
import { hasFacetFilter, type FacetKind } from "./facet-filters.ts";
import { plural } from "../../components/plural.ts";

type Props = {
  kind: FacetKind;
  title: string;
  values: Facet;
  /** The query in the URL, to show which values filter it. */
  query: string;
  onToggle: (kind: FacetKind, value: string) => void;
  /** A second line for a value, such as a tag's meaning. */
  describe?: (value: string) => string | null;
};

/** How many values show before "Show all". */
const SHOWN = 8;

export function FacetGroup({ kind, title, values, query, onToggle, describe }: Props) {
  const [expanded, setExpanded] = useState(false);
  if (values.length === 0) return null;
  const shown = expanded ? values : values.slice(0, SHOWN);
  const headingId = `facet-${kind}`;
  return (
    <section className="facet" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <ul className="facet-values">
        {shown.map(({ value, count }) => {
          const active = hasFacetFilter(query, kind, value);
          const description = describe?.(value) ?? null;
          return (
            <li key={value}>
              <button
                type="button"
                className="facet-value"
                aria-pressed={active}
                title={active ? "Remove this filter" : "Add this filter"}
                onClick={() => onToggle(kind, value)}
              >
                <span className="facet-label">
                  <span className="facet-name">{value}</span>
                  {description && <span className="facet-description">{description}</span>}
                </span>
                <span className="facet-count" aria-label={plural(count, "cable")}>
                  {count.toLocaleString("en-US")}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {values.length > SHOWN && (
        <button type="button" className="link-button facet-more" onClick={() => setExpanded((e) => !e)}>
          {expanded ? "Show fewer" : `Show all ${values.length}`}
        </button>
      )}
    </section>
  );
}
