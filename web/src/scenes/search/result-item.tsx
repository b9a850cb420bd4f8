// One search result: classification, the cable's id as a link to it, the date-time group, subject and snippet.
import { forwardRef } from "react";
import { Link } from "react-router";
import type { SearchHit } from "../../api/types.ts";
import { ClassificationTag } from "../../components/classification-banner.tsx";
import { dateTimeGroup } from "../../components/format-time.ts";
import { Snippet } from "./snippet.tsx";

type Props = {
  hit: SearchHit;
  /** The result j/k moved to; Enter opens it. */
  selected: boolean;
  onFocus: () => void;
};

export const ResultItem = forwardRef<HTMLAnchorElement, Props>(function ResultItem({ hit, selected, onFocus }, ref) {
  return (
    <li className={`result${selected ? " selected" : ""}`} aria-current={selected ? "true" : undefined}>
      <div className="result-head">
        <ClassificationTag classification={hit.classification} />
        <Link ref={ref} to={`/cables/${encodeURIComponent(hit.id)}`} className="result-id mono" onFocus={onFocus}>
          {hit.id}
        </Link>
        <span className="result-dtg mono muted">{dateTimeGroup(hit.dtg)}</span>
      </div>
      <p className="result-subject">{hit.subject ?? <span className="muted">(no subject)</span>}</p>
      <Snippet html={hit.snippet} />
    </li>
  );
});
