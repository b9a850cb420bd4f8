// The tally cards of the campaign page: the world and a few blocs, each "N of M" for the question's first (most
// favourable) position on the day, counted by the core's `tally`, the function the API's tally answers with.
import type { Position, Question } from "../../../../src/core/campaigns/question.ts";
import { tally, type TallyScope } from "../../../../src/core/campaigns/tally.ts";
import type { IsoDate } from "../../../../src/core/countries/iso-date.ts";
import type { CampaignIndex } from "./country-positions.ts";

/** The scopes the page shows a card for, in order, with the words after "N of M". */
export const CARD_SCOPES: readonly { scope: TallyScope; label: string }[] = [
  { scope: { world: true }, label: "UN members" },
  { scope: { bloc: "EU" }, label: "EU" },
  { scope: { bloc: "NATO" }, label: "NATO" },
  { scope: { bloc: "G7" }, label: "G7" },
  { scope: { bloc: "UNSC" }, label: "Security Council" },
];

/** One card: how many of the scope's members hold the lead position, and the rest of the count. */
export type TallyCard = {
  /** `WORLD` or the bloc's code. */
  code: string;
  label: string;
  lead: Position;
  held: number;
  members: number;
  /** The other positions with at least one holder, in the scale's order. */
  others: { position: Position; count: number }[];
  /** Members with no position this reader can see. */
  unknown: number;
};

/**
 * The cards on a day.
 * @example tallyCards(index, KOSOVO_RECOGNITION, "2009-04-07").find((c) => c.code === "EU") // { held: 22, members: 27, ... }
 */
export function tallyCards(campaign: CampaignIndex, question: Question, asOf: IsoDate): TallyCard[] {
  return CARD_SCOPES.flatMap(({ scope, label }) => {
    const result = tally({ ...scope, events: campaign.index, question, asOf });
    const [lead, ...others] = result.counts;
    if (lead === undefined) return [];
    return [
      {
        code: result.bloc,
        label,
        lead: lead.position,
        held: lead.count,
        members: result.members.length,
        others: others.filter((o) => o.count > 0).map((o) => ({ position: o.position, count: o.count })),
        unknown: result.unknown.length,
      },
    ];
  });
}

/** One point of the chart: the world's count of each position (in the scale's order) from `date` on. */
export type CountsPoint = { date: IsoDate; counts: number[] };

/**
 * The world's counts at `from` and at each later day an event took effect, up to `to`: the corners of a step chart.
 * @example countsOverTime(index, KOSOVO_RECOGNITION, "2008-02-16", "2009-04-07")[0] // { date: "2008-02-16", counts: [0, 0, 0] }
 */
export function countsOverTime(campaign: CampaignIndex, question: Question, from: IsoDate, to: IsoDate): CountsPoint[] {
  const days = new Set<IsoDate>([from]);
  for (const e of campaign.events) {
    if (e.questionId === question.id && e.effectiveOn > from && e.effectiveOn <= to) days.add(e.effectiveOn);
  }
  return [...days].sort().map((date) => ({
    date,
    counts: tally({ world: true, events: campaign.index, question, asOf: date }).counts.map((c) => c.count),
  }));
}
