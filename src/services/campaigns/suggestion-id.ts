// A suggestion's id, one format for the suggestions of archived cables and of drafts.
import type { Stance } from "../../core/index.ts";

/**
 * A suggestion's id: its text (a cable's id, or a draft's text id), paragraph, country and stance, so that reading
 * a text again gives the same ids.
 * @example suggestionId("09STATE39345", 3, "FR", "supports") // "09STATE39345-p3-FR-supports"
 */
export function suggestionId(textId: string, paragraph: number, country: string, stance: Stance | string): string {
  return `${textId}-p${paragraph}-${country}-${stance}`;
}
