// The positions that cables and drafts fitting a campaign suggest, read from their text. An archived cable is read
// on demand: the first time a campaign it fits is asked about (and never again), so imports and releases pay
// nothing for it and the archive's cables that no campaign concerns are never read. A draft is read when it is
// saved (draft-suggestions.ts), and its suggestions are listed only to those who may see the draft.
import {
  isoCountryName,
  isoOfTag,
  positionForStance,
  suggestPositions,
  type Question,
  type Stance,
} from "../../core/index.ts";
import type { PositionSuggestionsTable } from "../../store/tables/suggestions.ts";
import { readableBy } from "../access/readable-by.ts";
import type { Reader } from "../access/reader.ts";
import { readCable } from "../archive/read-cable.ts";
import type { Deps } from "../clock.ts";
import type { User } from "../users/user-schema.ts";
import { campaignSummary, type CampaignSummary } from "./campaign.ts";
import { draftOfText, draftTextId, visibleDraftsTagged } from "./draft-suggestions.ts";
import { openSuggestionRows } from "./suggestion-id.ts";

/** A suggestion as the API shows it (PositionSuggestionSchema). */
export type PositionSuggestionView = {
  id: string;
  /** The archived cable whose text suggests it, or null for a draft's. */
  cableId: string | null;
  /** The draft (not yet released) whose saved text suggests it, or null for a cable's. */
  draftId: string | null;
  paragraph: number;
  sentence: string;
  country: string;
  countryName: string;
  stance: Stance;
  position: string;
  questionId: string;
  status: "open" | "confirmed" | "dismissed";
};

/** How many of the latest fitting cables a listing reads at most. */
const CABLE_LIMIT = 200;

/**
 * The suggestions of the cables that fit `campaignId` (a TAGS country code of the campaign among theirs) and that
 * `reader` may read, latest cables first; each with the first question of the campaign its stance answers (a
 * stance that answers none is left out). Cables not yet read for suggestions are read now. With `user` (whose
 * reader `reader` is), the open suggestions of the drafts that fit and that he may see come first.
 * @example (await listSuggestions(deps, reader, "kosovo-recognition"))[0] // { cableId: "09STATE39345", country: "FR", stance: "supports", status: "open", ... }
 */
export async function listSuggestions(
  deps: Deps,
  reader: Reader,
  campaignId: string,
  user?: User,
): Promise<PositionSuggestionView[]> {
  const { store } = deps;
  const campaign = await campaignSummary(store, campaignId);
  const countryTags = campaign.tags.filter((t) => typeof isoOfTag(t) === "string");
  if (countryTags.length === 0) return [];
  const cables = await store.db
    .selectFrom("cables as c")
    .select(["c.id", "c.dtg"])
    .where(readableBy(reader, "c"))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("cable_tags as t")
          .select("t.seq")
          .whereRef("t.seq", "=", "c.seq")
          .where("t.tag", "in", countryTags),
      ),
    )
    .orderBy("c.seq", "desc")
    .limit(CABLE_LIMIT)
    .execute();
  const drafts = user === undefined ? [] : await visibleDraftsTagged(store, user, countryTags);
  const cableIds = cables.map((c) => c.id);
  if (cableIds.length > 0) await scanCables(deps, reader, cableIds);
  const ids = [...drafts.map(draftTextId), ...cableIds];
  if (ids.length === 0) return [];
  const rows = await store.db
    .selectFrom("position_suggestions")
    .selectAll()
    .where("cable_id", "in", ids)
    .orderBy("cable_id")
    .orderBy("ordinal")
    .execute();
  const order = new Map(ids.map((id, i) => [id, i]));
  return rows
    .sort((a, b) => (order.get(a.cable_id) ?? 0) - (order.get(b.cable_id) ?? 0))
    .flatMap((row) => {
      const view = suggestionView(campaign, row);
      return view === null ? [] : [view];
    });
}

/**
 * The suggestion as the campaign sees it: the first question whose scale the stance answers, or null when none does.
 * @example suggestionView(campaign, row)?.position // "leaning_against"
 */
export function suggestionView(
  campaign: Pick<CampaignSummary, "questions">,
  row: PositionSuggestionsTable,
  questionId?: string,
): PositionSuggestionView | null {
  const stance = row.stance as Stance;
  const questions: readonly Question[] =
    questionId === undefined ? campaign.questions : campaign.questions.filter((q) => q.id === questionId);
  for (const question of questions) {
    const position = positionForStance(question, stance, row.hedged === 1);
    if (position === null) continue;
    const draftId = draftOfText(row.cable_id);
    return {
      id: row.id,
      cableId: draftId === null ? row.cable_id : null,
      draftId,
      paragraph: row.paragraph,
      sentence: row.sentence,
      country: row.country,
      countryName: isoCountryName(row.country) ?? row.country,
      stance,
      position,
      questionId: question.id,
      status: row.status as PositionSuggestionView["status"],
    };
  }
  return null;
}

/** Reads the cables not yet read for suggestions and stores what their text suggests, each cable once. */
async function scanCables(deps: Deps, reader: Reader, ids: readonly string[]): Promise<void> {
  const { store, clock } = deps;
  const scanned = new Set(
    (await store.db.selectFrom("suggestion_scans").select("cable_id").where("cable_id", "in", ids).execute()).map(
      (r) => r.cable_id,
    ),
  );
  for (const id of ids.filter((i) => !scanned.has(i))) {
    const archived = await readCable(store, reader, id);
    if (archived === null) continue;
    const suggestions = suggestPositions(archived.cable.paragraphs);
    await store.transaction(async (tx) => {
      // Two readers may scan one cable at once: the second finds the marker and leaves the rows as they are.
      const marked = await tx.db
        .insertInto("suggestion_scans")
        .values({ cable_id: id, scanned_at: clock.now().toISOString() })
        .onConflict((oc) => oc.column("cable_id").doNothing())
        .executeTakeFirst();
      if (Number(marked.numInsertedOrUpdatedRows ?? 0) === 0 || suggestions.length === 0) return;
      await tx.db
        .insertInto("position_suggestions")
        .values(openSuggestionRows(id, suggestions))
        .onConflict((oc) => oc.column("id").doNothing())
        .execute();
    });
  }
}
