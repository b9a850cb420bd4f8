// Keeping the search index whole: the archived cables it lacks, and indexing them. Only SQLite's index, a file of
// its own written after the archive's commit (search-index.ts), can lack any; PostgreSQL's is written with the cables.
import type { IndexDoc } from "./search-index.ts";

/** The search index's upkeep on one engine. */
export type SearchIndexUpkeep = {
  /**
   * Row numbers of archived cables the search index lacks, in ascending order; always none on an engine that
   * indexes a cable in the transaction that archives it.
   * @example store.searchIndex.unindexed() // [] after a clean import
   */
  unindexed(): number[];
  /**
   * Indexes cables in one transaction (a repair; see repairSearchIndex).
   * @example store.searchIndex.index([{ seq, subject: "kosovo", body: "...", meta: "" }])
   */
  index(docs: readonly IndexDoc[]): void;
  /**
   * Indexes cables whose archive rows are committed, on a thread of the index's own (SQLite), so the caller's
   * thread goes on meanwhile: they are searchable a moment later. Resolves once the thread has taken them (it waits
   * while two batches are still being indexed); a batch the thread fails is indexed on the main connection instead,
   * and cables a crash leaves unindexed are found by `unindexed` (repairSearchIndex). Nothing to do on an engine
   * that indexes a cable in the transaction that archives it.
   * @example await store.searchIndex.later(deferred) // after the transaction that archived them commits
   */
  later(docs: readonly IndexDoc[]): Promise<void>;
  /**
   * The access locks the search index keeps its own copy of beside each row (PostgreSQL's `cable_fts`, which a
   * search filters on), by row number, for verify to compare with the cables rows; null on an engine that keeps none.
   * @example await store.searchIndex.lockCopies([7]) // Map { 7 => { class_rank: 2, needs_access: 0, captioned: 0 } }
   */
  lockCopies(seqs: readonly number[]): Promise<Map<number, IndexedLocks> | null>;
};

/** The access rule's columns as the search index holds them. */
export type IndexedLocks = { class_rank: number; needs_access: number; captioned: number };
