// The public reading room as the store keeps it: one entry per cable released or withheld in full, and the search of
// released text only. sqlite/sqlite-reading-room.ts and postgres/postgres-reading-room.ts write the SQL; the
// match expression is the engine's (store.search.expression), so a query means the same here as in the archive.
import type { CountAndFacets } from "./search-engine.ts";
import type { ReadingRoomTable } from "./tables/declassification.ts";

/** One entry to write: its row, the TAGS it released, and (for a released version) its index text. */
export type ReadingRoomEntry = ReadingRoomTable & {
  tags: string[];
  /** Subject and body as released, and the `meta` words of fielded filters; null for a withdrawal card. */
  fts: { subject: string; body: string; meta: string } | null;
};

/** How one reading-room search finds its released versions. */
export type ReadingRoomPlan = {
  /** The engine's match expression of the positive terms; "" to match every released version. */
  expression: string;
  /** The expression of terms no match may have ("any of"); "" when none. */
  excluded: string;
  /** Row numbers in the date range: [from, to). */
  range: [number, number] | null;
};

/** One page's row: the entry with its released model. */
export type ReadingRoomRow = Pick<
  ReadingRoomTable,
  "seq" | "cable_id" | "dtg" | "origin" | "classification" | "subject" | "outcome" | "review_date" | "model"
>;

/** The reading room's statements on one engine. */
export type ReadingRoomStore = {
  /**
   * Writes an entry, its tags and its index row, in the caller's transaction.
   * @example await store.readingRoom.write(entry)
   */
  write(entry: ReadingRoomEntry): Promise<void>;
  /**
   * Counts the released versions matching (up to COUNT_CAP) and the facets of the newest FACET_SAMPLE.
   * @example await store.readingRoom.countAndFacets(plan) // { count: 1, facets: { origin: Map { "STATE" => 1 } } }
   */
  countAndFacets(plan: ReadingRoomPlan): Promise<CountAndFacets>;
  /**
   * The newest `limit` matching released versions before row `before` (null: from the newest).
   * @example await store.readingRoom.datePage(plan, null, 21)
   */
  datePage(plan: ReadingRoomPlan, before: number | null, limit: number): Promise<ReadingRoomRow[]>;
};
