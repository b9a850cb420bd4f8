// Table types for saved searches.

/** A named search query of one user. */
export interface SavedSearchesTable {
  id: string;
  user_id: string;
  /** As the user wrote it: `Kosovo recognition`. */
  name: string;
  /** `name` in lower case; unique per user. */
  name_key: string;
  /** The query, in the search language (SEARCH_HELP); valid when saved. */
  query: string;
  /** `relevance` or `date`; null for the search's default. */
  sort: string | null;
  created_at: string;
  /** 1 when a newly archived or released cable matching it makes a notice for its user (migration 0024). */
  watch: number;
}

export interface SavedSearchTables {
  saved_searches: SavedSearchesTable;
}
