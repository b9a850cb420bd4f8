// The list of results. j and k move the selection (and focus) from result to result; Enter on the page opens the
// selected one.
import { useEffect, useRef } from "react";
import type { SearchHit } from "../../api/types.ts";
import { ResultItem } from "./result-item.tsx";

type Props = {
  hits: SearchHit[];
  /** Index of the selected result, or -1. */
  selected: number;
  onSelect: (index: number) => void;
};

export function ResultList({ hits, selected, onSelect }: Props) {
  const links = useRef<(HTMLAnchorElement | null)[]>([]);
  useEffect(() => {
    const link = links.current[selected];
    if (link && document.activeElement !== link) {
      link.focus();
      link.closest("li")?.scrollIntoView({ block: "nearest" });
    }
  }, [selected]);

  return (
    <ol className="results" aria-label="Results">
      {hits.map((hit, i) => (
        <ResultItem
          key={hit.id}
          hit={hit}
          selected={i === selected}
          onFocus={() => onSelect(i)}
          ref={(el) => {
            links.current[i] = el;
          }}
        />
      ))}
    </ol>
  );
}
