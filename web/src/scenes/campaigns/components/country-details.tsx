// The chosen country's position on the day: what, since when, how sure, from which sources, recorded by whom.
import { useEffect, useRef } from "react";
import { ClassificationTag } from "../../../components/classification-banner.tsx";
import type { CountryRow } from "../country-positions.ts";
import { longDate } from "../campaign-dates.ts";
import { SourceLinks } from "./source-links.tsx";

type Props = { row: CountryRow; asOf: string; onClose: () => void };

export function CountryDetails({ row, asOf, onClose }: Props) {
  const { event } = row;
  const heading = useRef<HTMLHeadingElement>(null);
  // Choosing a country, on the map or in the table far below, brings its details into view and focus.
  useEffect(() => heading.current?.focus(), [row.iso2]);
  return (
    <section className="card country-details" aria-labelledby="country-details-heading">
      <div className="country-details-head">
        <h2 id="country-details-heading" ref={heading} tabIndex={-1}>
          {row.name}
        </h2>
        <button type="button" className="link-button" onClick={onClose}>
          Close
        </button>
      </div>
      {event === null ? (
        <p>No position recorded as of {longDate(asOf)}.</p>
      ) : (
        <dl className="country-facts">
          <dt>Position</dt>
          <dd>
            <span className="legend-swatch" style={{ background: row.position?.colour }} aria-hidden="true" />{" "}
            {row.position?.label ?? event.position}
          </dd>
          <dt>Since</dt>
          <dd>{longDate(event.effectiveOn)}</dd>
          <dt>Confidence</dt>
          <dd>{event.confidence}</dd>
          <dt>Source</dt>
          <dd>
            <SourceLinks sources={event.sources} />
          </dd>
          {event.note !== null && (
            <>
              <dt>Note</dt>
              <dd>{event.note}</dd>
            </>
          )}
          <dt>Recorded</dt>
          <dd>
            {event.recordedOn} by {event.recordedBy}
          </dd>
          <dt>Classification</dt>
          <dd>
            <ClassificationTag classification={event.classification} />
            {event.caveats.length > 0 ? ` ${event.caveats.join(", ")}` : ""}
          </dd>
        </dl>
      )}
    </section>
  );
}
