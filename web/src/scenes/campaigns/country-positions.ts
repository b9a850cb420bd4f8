// Who holds which position on a day, computed in the browser from the events the API gave this reader. The API has
// already dropped every event the reader may not see, and the core's `tally` and `positionOn` are the functions the
// server tallies with, so the page agrees with the API's tally while the slider redraws without a request per day.
import { blocMembers } from "../../../../src/core/blocs/blocs.ts";
import { indexEvents, positionOn, type EventIndex } from "../../../../src/core/campaigns/event-index.ts";
import type { Position, Question } from "../../../../src/core/campaigns/question.ts";
import { isoCountryName } from "../../../../src/core/countries/iso-countries.ts";
import type { IsoDate } from "../../../../src/core/countries/iso-date.ts";
import type { PositionEventView } from "../../api/types.ts";

/** The map's fill for a country without a recorded position on the day (and for the sea's islands we do not know). */
export const NO_POSITION_COLOUR = "#e4e7eb";

/** One country's row: its position on the day (null: none recorded, or none this reader may see). */
export type CountryRow = {
  iso2: string;
  name: string;
  position: Position | null;
  event: PositionEventView | null;
};

/** The events of a campaign, indexed once for every day the slider visits. */
export type CampaignIndex = { index: EventIndex; countries: readonly string[]; events: readonly PositionEventView[] };

/**
 * Indexes a campaign's visible events, and lists the countries a table shows: every UN member ever, and every
 * country with an event (Kosovo, the Cook Islands, Niue and Taiwan are not UN members).
 * @example indexCampaign(campaign.events).countries.includes("XK") // true when an event names Kosovo
 */
export function indexCampaign(events: readonly PositionEventView[], today: IsoDate): CampaignIndex {
  const countries = new Set(blocMembers("UN", today));
  for (const e of events) countries.add(e.country);
  return { index: indexEvents(events), countries: [...countries].sort(), events };
}

/**
 * Each country's position on a question on `asOf`, from the latest visible event effective by then.
 * @example countryRows(index, KOSOVO_RECOGNITION, "2009-04-07").find((r) => r.iso2 === "FR")?.position?.code // "recognizes"
 */
export function countryRows(campaign: CampaignIndex, question: Question, asOf: IsoDate): CountryRow[] {
  const scale = new Map(question.positions.map((p) => [p.code, p]));
  return campaign.countries.map((iso2) => {
    const event = positionOn(campaign.index, question.id, iso2, asOf) as PositionEventView | undefined;
    return {
      iso2,
      name: event?.countryName ?? isoCountryName(iso2) ?? iso2,
      position: event === undefined ? null : (scale.get(event.position) ?? null),
      event: event ?? null,
    };
  });
}

/**
 * The map's fill of each country on the day, by ISO alpha-2; countries without a position are absent.
 * @example fillByCountry(rows).get("FR") // "#1a9850"
 */
export function fillByCountry(rows: readonly CountryRow[]): Map<string, string> {
  const fills = new Map<string, string>();
  for (const row of rows) if (row.position !== null) fills.set(row.iso2, row.position.colour);
  return fills;
}
