// Bulk imports on PostgreSQL: two batches written at once, and the statistics brought up to date after.
import type { Kysely } from "kysely";
import type { BulkImportTuning } from "../bulk-import-tuning.ts";
import type { Database } from "../database.ts";
import { refreshStatistics } from "./refresh-statistics.ts";

/**
 * The bulk-import tuning of the PostgreSQL database `db`. The server does the full-text indexing in the process of
 * the connection that writes, so two batches, each in a transaction on a connection of its own, use two of its
 * processes; a third only contends with them on a small machine.
 * @example postgresBulkImport(db).writers // 2
 */
export function postgresBulkImport(db: Kysely<Database>): BulkImportTuning {
  return {
    writers: 2,
    // No search-index thread writes beside a PostgreSQL import: its index is written with the cables.
    checkpointLessOften: () => () => undefined,
    afterImport: {
      step: "updating PostgreSQL's statistics of the archive (VACUUM ANALYZE)",
      run: () => refreshStatistics(db),
    },
  };
}
