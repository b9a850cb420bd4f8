// Tallies a campaign question over a bloc (or the world) on a day, counting only the events the reader may see.
import { ISO_DATE_PATTERN, tally, type IsoDate } from "../../core/index.ts";
import type { Reader } from "../access/reader.ts";
import type { Deps } from "../clock.ts";
import { CablegramError } from "../errors.ts";
import { questionOf } from "./campaign.ts";
import { currentSummary } from "./summary-cache.ts";
import { indexedEvents } from "./tally-cache.ts";
import { scopeOfBloc } from "./bloc-scope.ts";

export type TallyQuery = {
  campaignId: string;
  /** The question's id; the campaign's first question when absent. */
  question?: string;
  /** A bloc code (EU, NATO, ...) or WORLD (the default). */
  bloc?: string;
  /** The day to count on; today when absent. */
  asOf?: IsoDate;
  /** Count only the events recorded by this day. */
  knownOn?: IsoDate;
};

/** "N of M members of bloc B hold position P as of D", as the API answers it. */
export type TallyView = {
  question: string;
  bloc: string;
  asOf: IsoDate;
  knownOn: IsoDate | null;
  members: string[];
  counts: { position: string; label: string; count: number; countries: string[] }[];
  unknown: string[];
};

/**
 * The tally. The question's events are read through the access rule in SQL, only the columns a tally needs, and kept
 * indexed while the campaign's revision stands (tally-cache.ts); while it stands, a tally reads only that revision
 * (summary-cache.ts), so an event recorded by another process is counted at the next tally. A reader never sees an event he may not read
 * counted, nor a gap where it was: the tally is the one made without it.
 * CAMPAIGN_NOT_FOUND, QUESTION_NOT_FOUND, BLOC_NOT_FOUND, INVALID_INPUT for a bad date.
 * @example await tallyCampaign(deps, reader, { campaignId: "kosovo-recognition", bloc: "EU", asOf: "2009-04-07" })
 * // { bloc: "EU", members: [27 codes], counts: [{ position: "recognizes", count: 22, ... }, ...], unknown: [5 codes] }
 */
export async function tallyCampaign({ store, clock }: Deps, reader: Reader, query: TallyQuery): Promise<TallyView> {
  const campaign = await currentSummary(store, query.campaignId);
  const question = questionOf(campaign, query.question);
  const scope = scopeOfBloc(query.bloc);
  const asOf = dateOf(query.asOf, "asOf") ?? clock.now().toISOString().slice(0, 10);
  const knownOn = dateOf(query.knownOn, "knownOn");
  const events = await indexedEvents(store, reader, campaign.id, campaign.revision, question.id);
  const result = tally({ ...scope, events, question, asOf, ...(knownOn ? { knownOn } : {}) });
  return {
    question: question.id,
    bloc: result.bloc,
    asOf,
    knownOn: result.knownOn,
    members: result.members,
    counts: result.counts.map((c) => ({
      position: c.position.code,
      label: c.position.label,
      count: c.count,
      countries: c.countries,
    })),
    unknown: result.unknown,
  };
}

/**
 * A query's date, checked; undefined when absent.
 * @example dateOf("2009-04-07", "asOf") // "2009-04-07"
 */
export function dateOf(value: string | undefined, field: string): IsoDate | undefined {
  if (value === undefined) return undefined;
  if (!ISO_DATE_PATTERN.test(value)) {
    throw new CablegramError("INVALID_INPUT", `${field}: ${JSON.stringify(value)} is not a date; write YYYY-MM-DD.`, {
      issues: [{ path: field, message: "a date is YYYY-MM-DD" }],
    });
  }
  return value;
}
