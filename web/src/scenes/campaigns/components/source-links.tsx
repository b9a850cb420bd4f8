// A position event's sources: a cable opens in the reader, a web address in a new tab, other sources are text.
import { Link } from "react-router";
import type { EventSource } from "../../../../../src/core/campaigns/position-event.ts";
import { shortSourceLabel, sourceHref, sourceLabel } from "../event-source.ts";

type Props = {
  sources: readonly EventSource[];
  /** Name web addresses by their host only, for a narrow column; the link still leads to the whole address. */
  short?: boolean;
};

export function SourceLinks({ sources, short = false }: Props) {
  return (
    <ul className="source-links">
      {sources.map((source, i) => {
        const target = sourceHref(source);
        const label = short ? shortSourceLabel(source) : sourceLabel(source);
        return (
          <li key={i}>
            {target === null ? (
              label
            ) : target.internal ? (
              <Link to={target.href}>{label}</Link>
            ) : (
              <a href={target.href} target="_blank" rel="noreferrer noopener" title={target.href}>
                {label}
              </a>
            )}
          </li>
        );
      })}
    </ul>
  );
}
