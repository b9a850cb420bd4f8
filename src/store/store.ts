// The store as the services see it: the query builder, and one interface for each concern whose SQL differs
// between the engines. src/store/sqlite and src/store/postgres implement them; nothing outside src/store asks
// which engine it speaks to.
import type BetterSqlite3 from "better-sqlite3";
import type { KeyPlace } from "./key-place.ts";
import type { Kysely } from "kysely";
import type { ArchiveWrites } from "./archive-writes.ts";
import type { BulkImportTuning } from "./bulk-import-tuning.ts";
import type { Database } from "./database.ts";
import type { DeliveryQueue } from "./delivery-queue.ts";
import type { ReadingRoomStore } from "./reading-room.ts";
import type { ReleaseGroupLock } from "./release-group-lock.ts";
import type { SearchEngine } from "./search-engine.ts";
import type { SearchIndexUpkeep } from "./search-index-upkeep.ts";

export type Dialect = "sqlite" | "postgres";

/** An open store: the query builder, the engine's implementation of each concern, and its transactions. */
export type Store = {
  db: Kysely<Database>;
  /** Which engine is behind the store: for what it prints and logs, never to choose SQL (the concerns do). */
  dialect: Dialect;
  /** The raw SQLite handle, for the few statements Kysely cannot express (FTS5); null on PostgreSQL. */
  sqlite: BetterSqlite3.Database | null;
  /** The SQLite search index file (search-index.ts), which a second thread may write; null in memory and on PostgreSQL. */
  searchFile: string | null;
  /** Where the chain signing key and the trust file are: outside the database. */
  keys: KeyPlace;
  /** Cable records into the archive, with their side rows and full-text rows (see writeCableRecords). */
  archive: ArchiveWrites;
  /** The outbox: queuing a release's copies and claiming the next batch to deliver. */
  deliveries: DeliveryQueue;
  /** What a group of releases locks first, and whether a release locks its draft row. */
  releaseGroups: ReleaseGroupLock;
  /** The statements a search runs: its count and facets, and a page in either order. */
  search: SearchEngine;
  /** The public reading room: released versions, withdrawal cards, and the search of released text only. */
  readingRoom: ReadingRoomStore;
  /** How a bulk import writes its batches, and the upkeep it leaves. */
  bulkImport: BulkImportTuning;
  /** The cables the search index lacks, and indexing them. */
  searchIndex: SearchIndexUpkeep;
  /**
   * Runs `fn` in a transaction of its own, handing it this store bound to that transaction: committed when `fn`
   * resolves, rolled back when it throws.
   * @example await store.transaction(async (tx) => recordAudit({ store: tx, clock }, entry))
   */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  /**
   * This store speaking through `db`, a transaction (or savepoint) of its database that the caller holds, as a
   * group commit's body does.
   * @example await inGroup(store, (tx) => releaseIn(store.within(tx)))
   */
  within(db: Kysely<Database>): Store;
  close(): Promise<void>;
};
