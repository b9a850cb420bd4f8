// A position event's sources: a cable opens in the reader, a web address in a new tab, other sources are text.
import { Link } from "react-router";
import type { EventSource } from "../../../../../src/core/campaigns/position-event.ts";
import { sourceHref, sourceLabel } from "../event-source.ts";

type Props = { sources: readonly EventSource[] };

export function SourceLinks({ sources }: Props) {
  return (
    <ul className="source-links">
      {sources.map((source, i) => {
        const target = sourceHref(source);
        const label = sourceLabel(source);
        return (
          <li key={i}>
            {target === null ? (
              label
            ) : target.internal ? (
              <Link to={target.href}>{label}</Link>
            ) : (
              <a href={target.href} target="_blank" rel="noreferrer noopener">
                {label}
              </a>
            )}
          </li>
        );
      })}
    </ul>
  );
}
