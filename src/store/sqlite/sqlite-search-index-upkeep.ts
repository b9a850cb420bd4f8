// The SQLite search index file's upkeep: the cables it lacks, found by counts, and indexed on the main connection;
// and cables indexed after their commit on a writer thread of the index's own, started when first needed.
import type BetterSqlite3 from "better-sqlite3";
import { indexCables, unindexedSeqs, type IndexDoc } from "../search-index.ts";
import type { SearchIndexUpkeep } from "../search-index-upkeep.ts";
import { SearchIndexWriter } from "../search-index-writer.ts";

/** Batches remembered until the thread must have committed them: it holds two at most (search-index-writer.ts). */
const REMEMBERED = 3;

/**
 * The search index upkeep of the SQLite database `sqlite`, whose index file is `searchFile` (null in memory, where
 * only the main connection can reach it). `close` waits for the writer thread, if one was started.
 * @example sqliteSearchIndexUpkeep(handle, "data/cablegram-search.db").unindexed() // [] after a clean import
 */
export function sqliteSearchIndexUpkeep(
  sqlite: BetterSqlite3.Database,
  searchFile: string | null,
): SearchIndexUpkeep & { close(): Promise<void> } {
  let writer: SearchIndexWriter | null = null;
  /** The last batches handed to the thread: a failure shows on a later call, not on the batch that failed. */
  const recent: IndexDoc[][] = [];
  /** Indexes on the main connection what the thread may not have (a cable indexed already is left alone). */
  const takeOver = async (failed: SearchIndexWriter) => {
    writer = null;
    await failed.close().catch(() => undefined);
    if (sqlite.open) indexCables(sqlite, ascending(recent.splice(0).flat()));
  };
  return {
    unindexed: () => unindexedSeqs(sqlite),
    index: (docs) => indexCables(sqlite, docs),
    async later(docs) {
      if (docs.length === 0) return;
      if (searchFile === null) return indexCables(sqlite, ascending(docs));
      const thread = (writer ??= new SearchIndexWriter(searchFile));
      recent.push(ascending(docs));
      if (recent.length > REMEMBERED) recent.shift();
      await thread.write(recent.at(-1)!).catch(() => takeOver(thread));
    },
    async close() {
      if (writer) await writer.close().catch(() => takeOver(writer!));
      writer = null;
    },
    // The index file's access words only narrow what the cables rows' locks already filter.
    lockCopies: async () => null,
  };
}

/** FTS5 writes out its buffer whenever a row id is not above the last one: a batch goes in seq order. */
function ascending(docs: readonly IndexDoc[]): IndexDoc[] {
  return [...docs].sort((a, b) => a.seq - b.seq);
}
