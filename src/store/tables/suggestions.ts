// Table types for the positions cables' text suggests (migration 0019), owned by the campaigns service.

/** One suggested position: a country's stance in a sentence of a cable's paragraph, and what a person decided. */
export interface PositionSuggestionsTable {
  /** `cable_id/paragraph/country/stance`: one suggestion per country and stance in a paragraph. */
  id: string;
  cable_id: string;
  /** Index of the paragraph in the cable model's `paragraphs`. */
  paragraph: number;
  /** Order in the cable's text, so that suggestions list as the text names them. */
  ordinal: number;
  /** ISO 3166-1 alpha-2. */
  country: string;
  stance: string;
  /** 1 when the sentence hedges ("might emerge"). */
  hedged: number;
  sentence: string;
  mention: string;
  /** `open`, `confirmed` or `dismissed`. */
  status: string;
  decided_by: string | null;
  decided_at: string | null;
  /** The campaign a confirmation recorded the position in, and the event it recorded. */
  campaign_id: string | null;
  event_id: string | null;
}

/** The cables already read for suggestions, so that each is read once however often it is listed. */
export interface SuggestionScansTable {
  cable_id: string;
  scanned_at: string;
}

export interface SuggestionTables {
  position_suggestions: PositionSuggestionsTable;
  suggestion_scans: SuggestionScansTable;
}
