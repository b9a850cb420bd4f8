// What changed between a chosen day and the as-of day: each country whose position differs, from what to what, with
// the event's date and source. The core's `changesBetween`, the function behind GET /api/campaigns/:id/changes.
import { useMemo, useState } from "react";
import type { Question } from "../../../../../src/core/campaigns/question.ts";
import { changesBetween } from "../../../../../src/core/campaigns/tally.ts";
import { isoCountryName } from "../../../../../src/core/countries/iso-countries.ts";
import type { IsoDate } from "../../../../../src/core/countries/iso-date.ts";
import { plural } from "../../../components/plural.ts";
import type { PositionEventView } from "../../../api/types.ts";
import { addMonths, clampDate, longDate } from "../campaign-dates.ts";
import type { CampaignIndex } from "../country-positions.ts";
import { SourceLinks } from "./source-links.tsx";

type Props = { campaign: CampaignIndex; question: Question; asOf: IsoDate; min: IsoDate };

export function ChangesList({ campaign, question, asOf, min }: Props) {
  const [since, setSince] = useState<IsoDate | null>(null);
  const from = clampDate(since ?? addMonths(asOf, -1), min, asOf);
  const labels = useMemo(() => new Map(question.positions.map((p) => [p.code, p.label])), [question]);
  const changes = useMemo(
    () => changesBetween({ world: true, events: campaign.index, question, from, to: asOf }),
    [campaign, question, from, asOf],
  );
  const label = (code: string | null) => (code === null ? "no position" : (labels.get(code) ?? code));
  return (
    <section aria-labelledby="changes-heading">
      <div className="table-head">
        <h2 id="changes-heading">What changed</h2>
        <label className="table-filter">
          Since
          <input
            type="date"
            min={min}
            max={asOf}
            value={from}
            onChange={(e) => setSince(/^\d{4}-\d{2}-\d{2}$/.test(e.target.value) ? e.target.value : null)}
          />
        </label>
      </div>
      <p className="muted">
        {plural(changes.length, "change")} among UN members from {longDate(from)} to {longDate(asOf)}.
      </p>
      {changes.length > 0 && (
        <ul className="changes-list">
          {changes.map((c) => {
            const event = c.event as PositionEventView;
            return (
              <li key={c.country}>
                <strong>{event.countryName ?? isoCountryName(c.country) ?? c.country}</strong>: {label(c.before)} →{" "}
                {label(c.after)} on {event.effectiveOn}
                <SourceLinks sources={event.sources} short />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
