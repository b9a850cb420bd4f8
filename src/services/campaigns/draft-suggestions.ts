// The positions a draft's text suggests, read each time the draft is saved: stored beside the archived cables'
// suggestions under the draft's text id (`draft:<id>`), shown to those who may see the draft (its drafter in the
// composer, campaign editors with a part in it), and handed to the cable when the draft is released, decisions and
// all. Saving records no position: a person confirms one (as the draft's position report, or once released).
import type { Selectable } from "kysely";
import { isoCountryName, suggestPositions, type Paragraph, type Stance } from "../../core/index.ts";
import type { Store } from "../../store/open-store.ts";
import type { PositionSuggestionsTable } from "../../store/tables/suggestions.ts";
import type { User } from "../users/user-schema.ts";
import { homePlad, mayViewDraft } from "../workflow/draft-access.ts";
import { draftRows, visibleDraft } from "../workflow/read-draft.ts";
import { openSuggestionRows, suggestionId } from "./suggestion-id.ts";

/** What marks a suggestion's text as a draft's rather than an archived cable's. */
const DRAFT_TEXT = "draft:";

/**
 * The text id a draft's suggestions are stored under.
 * @example draftTextId("5f0c…") // "draft:5f0c…"
 */
export function draftTextId(draftId: string): string {
  return `${DRAFT_TEXT}${draftId}`;
}

/**
 * The draft whose text a suggestion's text id names, or null when it names an archived cable.
 * @example draftOfText("draft:5f0c…") // "5f0c…"
 */
export function draftOfText(textId: string): string | null {
  return textId.startsWith(DRAFT_TEXT) ? textId.slice(DRAFT_TEXT.length) : null;
}

/** A draft's suggestion as the composer shows it: no campaign yet, the stance the sentence gives the country. */
export type DraftSuggestionView = {
  id: string;
  draftId: string;
  paragraph: number;
  sentence: string;
  country: string;
  countryName: string;
  stance: Stance;
  hedged: boolean;
  status: "open" | "confirmed" | "dismissed";
};

/**
 * Reads the saved text of a draft for suggestions, in the transaction that saves it: the open suggestions of the
 * text before are replaced by those of the text now; a decided one stays decided (dismissed once, a sentence is not
 * offered again while it stays in its paragraph). Nothing is recorded.
 * @example await suggestFromDraft(txStore, id, composed.cable.paragraphs)
 */
export async function suggestFromDraft(
  store: Store,
  draftId: string,
  paragraphs: readonly Pick<Paragraph, "text">[],
): Promise<void> {
  const textId = draftTextId(draftId);
  const suggestions = suggestPositions(paragraphs);
  await store.db
    .deleteFrom("position_suggestions")
    .where("cable_id", "=", textId)
    .where("status", "=", "open")
    .execute();
  if (suggestions.length === 0) return;
  await store.db
    .insertInto("position_suggestions")
    .values(openSuggestionRows(textId, suggestions))
    // A sentence decided on an earlier save keeps its decision.
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/**
 * The suggestions of a draft's saved text, in the order the text names them, if the user may see the draft (else
 * DRAFT_NOT_FOUND, as for the draft itself).
 * @example (await draftSuggestions(store, dana, id))[0] // { country: "FR", stance: "supports", paragraph: 3, status: "open", ... }
 */
export async function draftSuggestions(store: Store, user: User, draftId: string): Promise<DraftSuggestionView[]> {
  await visibleDraft(store, user, draftId);
  const rows = await store.db
    .selectFrom("position_suggestions")
    .selectAll()
    .where("cable_id", "=", draftTextId(draftId))
    .orderBy("paragraph")
    .orderBy("ordinal")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    draftId,
    paragraph: row.paragraph,
    sentence: row.sentence,
    country: row.country,
    countryName: isoCountryName(row.country) ?? row.country,
    stance: row.stance as Stance,
    hedged: row.hedged === 1,
    status: row.status as DraftSuggestionView["status"],
  }));
}

/**
 * The drafts still being drafted, among those with open suggestions, that the user may see and whose TAGS include
 * one of `tags`: their ids, latest saved first.
 * @example await visibleDraftsTagged(store, dana, ["KV"]) // ["5f0c…"]
 */
export async function visibleDraftsTagged(store: Store, user: User, tags: readonly string[]): Promise<string[]> {
  const texts = await store.db
    .selectFrom("position_suggestions")
    .select("cable_id")
    .distinct()
    .where("cable_id", "like", `${DRAFT_TEXT}%`)
    .where("status", "=", "open")
    .execute();
  if (texts.length === 0) return [];
  const home = await homePlad(store, user);
  const visible: { id: string; updatedAt: string }[] = [];
  for (const { cable_id } of texts) {
    const rows = await draftRows(store.db, draftOfText(cable_id)!);
    if (rows === null || rows.row.status !== "draft") continue;
    if (!mayViewDraft(user, home, rows.row, rows.clearances)) continue;
    const cableTags = (JSON.parse(rows.row.model) as { tags?: string[] }).tags ?? [];
    if (cableTags.some((t) => tags.includes(t))) visible.push({ id: rows.row.id, updatedAt: rows.row.updated_at });
  }
  return visible.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).map((d) => d.id);
}

/**
 * Whether the user may see the draft a suggestion's text id names (the rule of the draft itself).
 * @example await mayViewDraftText(store, dana, "draft:5f0c…") // true
 */
export async function mayViewDraftText(store: Store, user: User, textId: string): Promise<boolean> {
  const draftId = draftOfText(textId);
  if (draftId === null) return false;
  const rows = await draftRows(store.db, draftId);
  return (
    rows !== null &&
    rows.row.status === "draft" &&
    mayViewDraft(user, await homePlad(store, user), rows.row, rows.clearances)
  );
}

/**
 * Hands a released draft's suggestions to its cable: their text id (and id) become the cable's, their decisions
 * stay, and the cable counts as read for suggestions (when the draft had any), so that it is not read again.
 * @example await releaseDraftSuggestions(store, draftId, "24STATE000123", now)
 */
export async function releaseDraftSuggestions(store: Store, draftId: string, cableId: string, at: Date): Promise<void> {
  await store.transaction(async (tx) => {
    const rows: Selectable<PositionSuggestionsTable>[] = await tx.db
      .selectFrom("position_suggestions")
      .selectAll()
      .where("cable_id", "=", draftTextId(draftId))
      .execute();
    for (const row of rows) {
      await tx.db
        .updateTable("position_suggestions")
        .set({ cable_id: cableId, id: suggestionId(cableId, row.paragraph, row.country, row.stance) })
        .where("id", "=", row.id)
        .execute();
    }
    // A draft saved before drafts were read has no rows: its cable is read on demand, as any archived cable.
    if (rows.length === 0) return;
    await tx.db
      .insertInto("suggestion_scans")
      .values({ cable_id: cableId, scanned_at: at.toISOString() })
      .onConflict((oc) => oc.column("cable_id").doNothing())
      .execute();
  });
}
