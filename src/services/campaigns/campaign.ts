// Campaigns as the services hand them out, and the reads every verb shares: a campaign and its questions, and the
// position events a reader may see (the access rule applied in SQL, eventReadableBy).
import type { Selectable } from "kysely";
import {
  isoCountryName,
  type Classification,
  type Confidence,
  type EventSource,
  type Position,
  type PositionEvent,
  type Question,
} from "../../core/index.ts";
import type { Store } from "../../store/open-store.ts";
import type { CampaignQuestionsTable, CampaignsTable, PositionEventsTable } from "../../store/tables/campaigns.ts";
import { eventReadableBy } from "../access/readable-by.ts";
import type { Reader } from "../access/reader.ts";
import { CablegramError } from "../errors.ts";

/** A campaign as lists show it: its fields and its questions, in order. */
export type CampaignSummary = {
  id: string;
  name: string;
  objective: string;
  office: string | null;
  tags: string[];
  startsOn: string;
  endsOn: string | null;
  questions: CampaignQuestion[];
};

/** A question as a campaign carries it (core's Question, its scale a plain array). */
export type CampaignQuestion = { id: string; title: string; positions: Position[] };

/** A position event as a reader sees it: the event, with its country's name. */
export type PositionEventView = PositionEvent & { countryName: string };

/** A campaign with the events its reader may see, ordered by effective date. */
export type Campaign = CampaignSummary & { events: PositionEventView[] };

/**
 * The campaign with its questions; CAMPAIGN_NOT_FOUND when there is none.
 * @example (await campaignSummary(store, "kosovo-recognition")).questions[0].id // "kosovo-recognition"
 */
export async function campaignSummary(store: Store, id: string): Promise<CampaignSummary> {
  const row = await store.db.selectFrom("campaigns").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) {
    throw new CablegramError("CAMPAIGN_NOT_FOUND", `No campaign ${JSON.stringify(id)}; \`cablegram campaign list\`.`, {
      campaign: id,
    });
  }
  const questions = await store.db
    .selectFrom("campaign_questions")
    .selectAll()
    .where("campaign_id", "=", id)
    .orderBy("ordinal")
    .execute();
  return summaryFromRows(row, questions);
}

/** A campaign row and its question rows as a summary. */
export function summaryFromRows(
  row: Selectable<CampaignsTable>,
  questions: readonly Selectable<CampaignQuestionsTable>[],
): CampaignSummary {
  return {
    id: row.id,
    name: row.name,
    objective: row.objective,
    office: row.office,
    tags: JSON.parse(row.tags) as string[],
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    questions: questions.map((q) => ({
      id: q.id,
      title: q.title,
      positions: JSON.parse(q.positions) as Position[],
    })),
  };
}

/**
 * The campaign's question with this id, or its first when `id` is absent; QUESTION_NOT_FOUND naming the ids it has.
 * @example questionOf(campaign, undefined).id // "kosovo-recognition"
 */
export function questionOf(campaign: CampaignSummary, id: string | undefined): Question {
  const question = id === undefined ? campaign.questions[0] : campaign.questions.find((q) => q.id === id);
  if (question === undefined) {
    const known = campaign.questions.map((q) => q.id).join(", ") || "none";
    throw new CablegramError(
      "QUESTION_NOT_FOUND",
      `Campaign ${campaign.id} has no question ${JSON.stringify(id ?? "")}; its questions: ${known}.`,
      { campaign: campaign.id, question: id ?? null },
    );
  }
  return question;
}

/**
 * Every event of the campaign (of one question, when given) that `reader` may see, whole, by effective date.
 * @example (await visibleEvents(store, reader, "kosovo-recognition"))[0].effectiveOn // "2008-02-17"
 */
export async function visibleEvents(
  store: Store,
  reader: Reader,
  campaignId: string,
  questionId?: string,
): Promise<PositionEventView[]> {
  let query = store.db
    .selectFrom("position_events as e")
    .selectAll("e")
    .where("e.campaign_id", "=", campaignId)
    .where(eventReadableBy(reader, "e"));
  if (questionId !== undefined) query = query.where("e.question_id", "=", questionId);
  const rows = await query.orderBy("e.effective_on").orderBy("e.recorded_on").orderBy("e.id").execute();
  return rows.map(eventFromRow);
}

/**
 * What a tally reads of the events of one question that `reader` may see: only the columns it counts by, so a
 * tally over thousands of events reads no source lists or notes.
 * @example (await tallyEvents(store, reader, "kosovo-recognition", "kosovo-recognition")).length // 115
 */
export async function tallyEvents(
  store: Store,
  reader: Reader,
  campaignId: string,
  questionId: string,
): Promise<PositionEvent[]> {
  const rows = await store.db
    .selectFrom("position_events as e")
    .select(["e.id", "e.country", "e.position", "e.effective_on", "e.recorded_on", "e.supersedes"])
    .where("e.campaign_id", "=", campaignId)
    .where("e.question_id", "=", questionId)
    .where(eventReadableBy(reader, "e"))
    .execute();
  return rows.map((r) => ({
    id: r.id,
    questionId,
    country: r.country,
    position: r.position,
    effectiveOn: r.effective_on,
    recordedOn: r.recorded_on,
    supersedes: r.supersedes,
    // Not read: a tally never looks at them.
    confidence: "reported",
    sources: [],
    note: null,
    recordedBy: "",
    classification: "UNCLASSIFIED",
    caveats: [],
  }));
}

/** A stored event as the services hand it out. */
export function eventFromRow(row: Selectable<PositionEventsTable>): PositionEventView {
  return {
    id: row.id,
    questionId: row.question_id,
    country: row.country,
    countryName: isoCountryName(row.country) ?? row.country,
    position: row.position,
    effectiveOn: row.effective_on,
    recordedOn: row.recorded_on,
    confidence: row.confidence as Confidence,
    sources: JSON.parse(row.sources) as EventSource[],
    note: row.note,
    recordedBy: row.recorded_by,
    classification: row.classification as Classification,
    caveats: JSON.parse(row.caveats) as string[],
    supersedes: row.supersedes,
  };
}
