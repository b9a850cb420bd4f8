// A suggestion's id and stored row, one format for the suggestions of archived cables and of drafts.
import type { Insertable } from "kysely";
import type { Stance, SuggestedPosition } from "../../core/index.ts";
import type { PositionSuggestionsTable } from "../../store/tables/suggestions.ts";

/**
 * A suggestion's id: its text (a cable's id, or a draft's text id), paragraph, country and stance, so that reading
 * a text again gives the same ids.
 * @example suggestionId("09STATE39345", 3, "FR", "supports") // "09STATE39345-p3-FR-supports"
 */
export function suggestionId(textId: string, paragraph: number, country: string, stance: Stance | string): string {
  return `${textId}-p${paragraph}-${country}-${stance}`;
}

/**
 * The open, undecided rows of the suggestions read from one text, in the text's order.
 * @example openSuggestionRows("09STATE39345", suggestPositions(cable.paragraphs))[0].status // "open"
 */
export function openSuggestionRows(
  textId: string,
  suggestions: readonly SuggestedPosition[],
): Insertable<PositionSuggestionsTable>[] {
  return suggestions.map((s, ordinal) => ({
    id: suggestionId(textId, s.paragraph, s.country, s.stance),
    cable_id: textId,
    paragraph: s.paragraph,
    ordinal,
    country: s.country,
    stance: s.stance,
    hedged: s.hedged ? 1 : 0,
    sentence: s.sentence,
    mention: s.mention,
    status: "open",
    decided_by: null,
    decided_at: null,
    campaign_id: null,
    event_id: null,
  }));
}
