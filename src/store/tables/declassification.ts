// Table types for declassification review and the public reading room (migration 0028). The full-text table
// (reading_room_fts) differs by dialect and is reached only through raw SQL in src/store/*/…-reading-room.ts.

/** One reviewer's decision on one cable: audited and chained (services/declass). */
export interface DeclassReviewsTable {
  id: string;
  cable_id: string;
  reviewer_id: string | null;
  reviewer: string;
  decided_at: string;
  /** A ReviewOutcome (core/declass-review.ts). */
  outcome: string;
  /** The ReviewDecision as JSON. */
  decision: string;
  /** For an extension, the new review date (YYYY-MM-DD); null otherwise. */
  review_on: string | null;
}

/** A cable's public entry: its released version, or its withdrawal card. Never changes once written. */
export interface ReadingRoomTable {
  /** The cable's row number in the archive (date order). */
  seq: number;
  cable_id: string;
  review_id: string;
  kind: "released" | "withdrawn";
  outcome: string;
  dtg: string | null;
  year: number | null;
  origin: string | null;
  classification: string | null;
  subject: string | null;
  exemptions: string;
  review_date: string;
  reviewer: string;
  model: string;
  telegram: string;
}

/** The TAGS a released version released, for the reading room's facets. */
export interface ReadingRoomTagsTable {
  seq: number;
  tag: string;
}

export interface DeclassificationTables {
  declass_reviews: DeclassReviewsTable;
  reading_room: ReadingRoomTable;
  reading_room_tags: ReadingRoomTagsTable;
}
