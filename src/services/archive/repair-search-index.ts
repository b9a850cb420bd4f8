// Indexes again the archived cables the SQLite search index lacks: after a crash between an import's two commits
// (the archive's, then its index writer's), or when the index file was deleted or is new (see search-index.ts).
import { sql } from "kysely";
import type { Store } from "../../store/open-store.ts";
import { cableRecordOf } from "./cable-record-of.ts";
import { modelOf, type StoredModel } from "./stored-model.ts";

const BATCH = 500;

/**
 * Finds the cables the search index lacks and indexes them from their stored models (see modelOf), as they were
 * indexed when archived. Costs two counts when nothing is missing. Returns how many it indexed; 0 on PostgreSQL, whose index is
 * written in the archive's own transactions.
 * @example await repairSearchIndex(store, (done, total) => log(`${done} of ${total}`)) // 0 after a clean import
 */
export async function repairSearchIndex(
  store: Store,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const missing = store.searchIndex.unindexed();
  for (let i = 0; i < missing.length; i += BATCH) {
    const seqs = missing.slice(i, i + BATCH);
    const { rows } = await sql<{ seq: number } & StoredModel>`
      SELECT seq, model, raw, parse_hints FROM cable_texts WHERE seq IN (${sql.join(seqs)}) ORDER BY seq`.execute(
      store.db,
    );
    store.searchIndex.index(rows.map((row) => ({ seq: row.seq, ...cableRecordOf(modelOf(row), null, null, "").fts })));
    onProgress?.(Math.min(i + BATCH, missing.length), missing.length);
  }
  return missing.length;
}
