// After a bulk import on PostgreSQL: vacuums and analyzes the tables it filled, so the searches that follow are
// planned on the archive as it now is, whether autovacuum is on, behind, or off (as on some managed and test hosts).
//
// Without it the planner sees the tables as they were before the import (or as empty), the visibility map is blank
// so every bitmap scan visits the heap, and the full-text index keeps its newest entries in GIN's pending list,
// which every search of the index reads whole (up to gin_pending_list_limit, 4 MB by default).
import { sql, type Kysely } from "kysely";
import type { Database } from "../database.ts";

/**
 * The tables an import writes that searches read. cable_texts is left out: it is only ever read by row number, and
 * vacuuming it would read every stored telegram back from TOAST.
 */
const SEARCHED_TABLES = ["cable_fts", "cables", "cable_tags", "cable_refs", "cable_caveats", "cable_grants"] as const;

/**
 * Brings PostgreSQL's statistics, visibility map and full-text pending list up to date after a bulk write: `VACUUM
 * (ANALYZE)` of the searched tables, which takes a while after a large import and much less when only the new
 * pages need it. (SQLite
 * needs none of it: its FTS5 index has no pending list and its queries here need no statistics.) Safe beside other
 * connections: VACUUM without FULL blocks neither reads nor writes.
 * @example await refreshStatistics(store.db) // after importPaths has written its last batch
 */
export async function refreshStatistics(db: Kysely<Database>): Promise<void> {
  await sql`VACUUM (ANALYZE) ${sql.join(SEARCHED_TABLES.map((t) => sql.table(t)))}`.execute(db);
}
