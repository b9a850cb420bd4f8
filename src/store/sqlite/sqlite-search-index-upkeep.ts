// The SQLite search index file's upkeep: the cables it lacks, found by counts, and indexed on the main connection.
import type BetterSqlite3 from "better-sqlite3";
import { indexCables, unindexedSeqs } from "../search-index.ts";
import type { SearchIndexUpkeep } from "../search-index-upkeep.ts";

/**
 * The search index upkeep of the SQLite database `sqlite`.
 * @example sqliteSearchIndexUpkeep(handle).unindexed() // [] after a clean import
 */
export function sqliteSearchIndexUpkeep(sqlite: BetterSqlite3.Database): SearchIndexUpkeep {
  return {
    unindexed: () => unindexedSeqs(sqlite),
    index: (docs) => indexCables(sqlite, docs),
    // The index file's access words only narrow what the cables rows' locks already filter.
    lockCopies: async () => null,
  };
}
