// Bulk imports on SQLite: one batch written at a time, rarer checkpoints meanwhile, and no upkeep after.
import type BetterSqlite3 from "better-sqlite3";
import type { BulkImportTuning } from "../bulk-import-tuning.ts";
import { checkpointLessOften } from "../search-index.ts";

/**
 * The bulk-import tuning of the SQLite database `sqlite`. A write holds the main thread until it commits, so a
 * second batch written at once would only wait its turn.
 * @example sqliteBulkImport(handle).writers // 1
 */
export function sqliteBulkImport(sqlite: BetterSqlite3.Database): BulkImportTuning {
  return { writers: 1, checkpointLessOften: () => checkpointLessOften(sqlite), afterImport: null };
}
