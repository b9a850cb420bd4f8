// A person decides a suggestion: confirming records the position event (the cable as its source, marked at least as
// the cable is) through recordPosition; dismissing records nothing. Either way the suggestion is decided once. A
// draft's suggestion may be dismissed by one who may see the draft; it is confirmed once the draft is a cable.
import type { Confidence } from "../../core/index.ts";
import type { Store } from "../../store/open-store.ts";
import type { PositionSuggestionsTable } from "../../store/tables/suggestions.ts";
import type { Reader } from "../access/reader.ts";
import { readCable } from "../archive/read-cable.ts";
import type { Deps } from "../clock.ts";
import { CablegramError } from "../errors.ts";
import type { User } from "../users/user-schema.ts";
import { campaignSummary, type PositionEventView } from "./campaign.ts";
import { draftOfText, mayViewDraftText } from "./draft-suggestions.ts";
import { suggestionView, type PositionSuggestionView } from "./list-suggestions.ts";
import { assertMayRecord, recorderOf, type Recorder } from "./may-record.ts";
import { recordPosition } from "./record-position.ts";

type DecideProps = {
  /** The person deciding: a drafter, an approver or an administrator. */
  by: Recorder;
  /** What he may read: the suggestion's cable must be among it. */
  reader: Reader;
  /** The person deciding as a user, when one decides: a draft's suggestion needs one who may see the draft. */
  user?: User;
  suggestionId: string;
};

type ConfirmProps = DecideProps & {
  campaignId: string;
  /** The question the position answers; default the campaign's first that the stance answers. */
  questionId?: string;
  /** A position other than the one suggested, on the question's scale. */
  position?: string;
  /** Default the cable's date. */
  effectiveOn?: string;
};

/**
 * Confirms a suggestion: records the position in the campaign with the cable as its source (classification and
 * caveats at least the cable's, as recordPosition enforces), `reported`, or `unconfirmed` when the sentence hedges,
 * and marks the suggestion confirmed with the event it recorded. SUGGESTION_NOT_FOUND when there is no such
 * suggestion or its cable is unreadable to the reader; SUGGESTION_DECIDED when it was confirmed or dismissed;
 * SUGGESTION_IN_DRAFT when it is a draft's, which the draft's position report records on release instead.
 * @example (await confirmSuggestion(deps, { by: ada, reader, suggestionId: "09STATE39345-p3-FR-supports", campaignId: "kosovo-support" })).event.sources // [{ kind: "cable", cableId: "09STATE39345" }]
 */
export async function confirmSuggestion(
  deps: Deps,
  { by, reader, user, suggestionId, campaignId, questionId, position, effectiveOn }: ConfirmProps,
): Promise<{ suggestion: PositionSuggestionView; event: PositionEventView }> {
  assertMayRecord(by, "confirming a suggestion");
  const { row, cableDate } = await openSuggestion(deps.store, reader, user, suggestionId);
  if (draftOfText(row.cable_id) !== null) {
    throw new CablegramError(
      "SUGGESTION_IN_DRAFT",
      `Suggestion ${suggestionId} comes from a draft that is not released: a position needs an archived source. ` +
        "Set it as the draft's position report in the composer (recorded when the draft is released), or confirm it once the draft is released.",
      { draftId: draftOfText(row.cable_id) },
    );
  }
  const campaign = await campaignSummary(deps.store, campaignId);
  const view = suggestionView(campaign, row, questionId);
  if (view === null) {
    throw new CablegramError(
      "INVALID_INPUT",
      `The stance "${row.stance}" answers no question of campaign ${campaignId}${questionId ? ` named ${questionId}` : ""}; dismiss the suggestion or record the position yourself.`,
      { issues: [{ path: "questionId", message: "no question of the campaign takes this stance" }] },
    );
  }
  const confidence: Confidence = row.hedged === 1 ? "unconfirmed" : "reported";
  // Claimed before recording, so that two people confirming at once record one event; given back if it fails.
  await decide(deps, by, row, "confirmed", { campaign_id: campaignId });
  const event = await recordPosition(deps, {
    by,
    reader,
    campaignId,
    position: {
      questionId: view.questionId,
      country: row.country,
      position: position ?? view.position,
      effectiveOn: effectiveOn ?? cableDate ?? deps.clock.now().toISOString().slice(0, 10),
      confidence,
      sources: [{ kind: "cable", cableId: row.cable_id }],
      note: `Suggested by the cable's text: "${row.sentence}"`,
    },
  }).catch(async (error: unknown) => {
    await deps.store.db
      .updateTable("position_suggestions")
      .set({ status: "open", decided_by: null, decided_at: null, campaign_id: null })
      .where("id", "=", row.id)
      .execute();
    throw error;
  });
  await deps.store.db
    .updateTable("position_suggestions")
    .set({ event_id: event.id })
    .where("id", "=", row.id)
    .execute();
  return { suggestion: { ...view, status: "confirmed" }, event };
}

/**
 * Dismisses a suggestion: nothing is recorded, and it is no longer offered as open.
 * @example (await dismissSuggestion(deps, { by: ada, reader, suggestionId: "09STATE39345-p6-RS-opposes" })).status // "dismissed"
 */
export async function dismissSuggestion(
  deps: Deps,
  { by, reader, user, suggestionId }: DecideProps,
): Promise<{ id: string; status: "dismissed" }> {
  assertMayRecord(by, "dismissing a suggestion");
  const { row } = await openSuggestion(deps.store, reader, user, suggestionId);
  await decide(deps, by, row, "dismissed", {});
  return { id: row.id, status: "dismissed" };
}

async function openSuggestion(
  store: Store,
  reader: Reader,
  user: User | undefined,
  id: string,
): Promise<{ row: PositionSuggestionsTable; cableDate: string | null }> {
  const row = await store.db.selectFrom("position_suggestions").selectAll().where("id", "=", id).executeTakeFirst();
  if (row && draftOfText(row.cable_id) !== null) {
    // A draft's suggestion exists only for those who may see the draft: its sentence is the draft's text.
    if (user === undefined || !(await mayViewDraftText(store, user, row.cable_id))) throw notFound(id);
    if (row.status !== "open") throw decided(id, row.status);
    return { row, cableDate: null };
  }
  // A suggestion of a cable the reader may not read does not exist for him: its sentence is the cable's text.
  const archived = row ? await readCable(store, reader, row.cable_id) : null;
  if (!row || !archived) throw notFound(id);
  if (row.status !== "open") throw decided(id, row.status);
  return { row, cableDate: archived.cable.dtg?.slice(0, 10) ?? null };
}

async function decide(
  { store, clock }: Deps,
  by: Recorder,
  row: PositionSuggestionsTable,
  status: "confirmed" | "dismissed",
  outcome: { campaign_id?: string; event_id?: string },
): Promise<void> {
  const changed = await store.db
    .updateTable("position_suggestions")
    .set({ status, decided_by: recorderOf(by).name, decided_at: clock.now().toISOString(), ...outcome })
    .where("id", "=", row.id)
    .where("status", "=", "open")
    .executeTakeFirst();
  if (Number(changed.numUpdatedRows) === 0) {
    throw new CablegramError("SUGGESTION_DECIDED", `Suggestion ${row.id} was decided meanwhile.`);
  }
}

function decided(id: string, status: string): CablegramError {
  return new CablegramError("SUGGESTION_DECIDED", `Suggestion ${id} was ${status} already.`, { status });
}

function notFound(id: string): CablegramError {
  return new CablegramError("SUGGESTION_NOT_FOUND", `No suggestion ${JSON.stringify(id)} that you may read.`);
}
