// PostgreSQL's search index upkeep: its full-text rows are written in the archive's own transactions, so the index
// never lacks a cable; it keeps a copy of the access locks beside each row, which a search filters on.
import { sql, type Kysely } from "kysely";
import type { Database } from "../database.ts";
import type { IndexedLocks, SearchIndexUpkeep } from "../search-index-upkeep.ts";

/**
 * The upkeep of PostgreSQL's `cable_fts`, over a connection or transaction.
 * @example await postgresSearchIndexUpkeep(db).lockCopies([7]) // Map { 7 => { class_rank: 2, ... } }
 */
export function postgresSearchIndexUpkeep(db: Kysely<Database>): SearchIndexUpkeep {
  return {
    unindexed: () => [],
    index: () => undefined,
    later: async () => undefined,
    lockCopies: async (seqs) => {
      const copies = new Map<number, IndexedLocks>();
      if (seqs.length === 0) return copies;
      const { rows } = await sql<IndexedLocks & { seq: string }>`
        SELECT seq, class_rank, needs_access, captioned FROM cable_fts WHERE seq IN (${sql.join([...seqs])})`.execute(
        db,
      );
      for (const { seq, ...locks } of rows) copies.set(Number(seq), locks);
      return copies;
    },
  };
}
