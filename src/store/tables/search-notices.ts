// Table types for the notices watching saved searches leave (migration 0024).

/** A cable newly archived or released that matched one of a user's watching saved searches. */
export interface SearchNoticesTable {
  id: string;
  search_id: string;
  user_id: string;
  cable_id: string;
  /** When the match was found (ISO instant). */
  at: string;
  /** When the user marked it read; null while unread. */
  read_at: string | null;
}

export interface SearchNoticeTables {
  search_notices: SearchNoticesTable;
}
