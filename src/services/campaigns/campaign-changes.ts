// What changed between two days: the members whose position on a question differs, with the event that changed it.
import { changesBetween, isoCountryName, type IsoDate } from "../../core/index.ts";
import type { Reader } from "../access/reader.ts";
import type { Deps } from "../clock.ts";
import { CablegramError } from "../errors.ts";
import { campaignSummary, questionOf, visibleEvents, type PositionEventView } from "./campaign.ts";
import { scopeOfBloc } from "./bloc-scope.ts";
import { dateOf } from "./tally-campaign.ts";

export type ChangesQuery = {
  campaignId: string;
  question?: string;
  bloc?: string;
  from: IsoDate;
  /** Today when absent. */
  to?: IsoDate;
  knownOn?: IsoDate;
};

/** A member's change of position: null before means no position was recorded then. */
export type PositionChangeView = {
  country: string;
  countryName: string;
  before: string | null;
  after: string | null;
  event: PositionEventView;
};

/**
 * The members of the bloc on `to` whose position on `to` differs from that on `from`, counting only the events the
 * reader may see. INVALID_INPUT when `from` is after `to`.
 * @example await campaignChanges(deps, reader, { campaignId: "kosovo-recognition", bloc: "EU", from: "2008-02-16", to: "2008-02-18" })
 * // [{ country: "FR", before: null, after: "recognizes", ... }, { country: "GB", ... }]
 */
export async function campaignChanges(
  { store, clock }: Deps,
  reader: Reader,
  query: ChangesQuery,
): Promise<{ question: string; bloc: string; from: IsoDate; to: IsoDate; changes: PositionChangeView[] }> {
  const campaign = await campaignSummary(store, query.campaignId);
  const question = questionOf(campaign, query.question);
  const scope = scopeOfBloc(query.bloc);
  const from = dateOf(query.from, "from")!;
  const to = dateOf(query.to, "to") ?? clock.now().toISOString().slice(0, 10);
  const knownOn = dateOf(query.knownOn, "knownOn");
  if (from > to) {
    throw new CablegramError("INVALID_INPUT", `from (${from}) is after to (${to}); give the earlier day as from.`, {
      issues: [{ path: "from", message: "from must not be after to" }],
    });
  }
  const events = await visibleEvents(store, reader, campaign.id, question.id);
  const changes = changesBetween({ ...scope, events, question, from, to, ...(knownOn ? { knownOn } : {}) });
  return {
    question: question.id,
    bloc: "bloc" in scope ? scope.bloc : "WORLD",
    from,
    to,
    changes: changes.map((c) => ({
      country: c.country,
      countryName: isoCountryName(c.country) ?? c.country,
      before: c.before,
      after: c.after,
      event: c.event as PositionEventView,
    })),
  };
}
