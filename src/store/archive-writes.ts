// Archive writes: how one engine stores a batch of cable records with their side rows and full-text rows.
import type { CableRecord } from "./cable-record.ts";
import type { WrittenRecords } from "./cable-writes.ts";
import type { IndexDoc } from "./search-index.ts";
import type { SearchIndexWriter } from "./search-index-writer.ts";

/**
 * A cable's record derived again by the running parser (rederiveArchive): its row number, the new record, and which
 * side rows and index row to write again. The cables row (columns, locks, parser version) and the digest always are.
 */
export type RederivedRecord = {
  seq: number;
  record: CableRecord;
  /** `locks`: the level, caveats or caption changed (PostgreSQL's index row keeps a copy of them). */
  rewrite: { tags: boolean; refs: boolean; caveats: boolean; grants: boolean; locks: boolean; search: boolean };
};

/** A batch of re-derivations: the records rewritten, and those found unchanged, which only take the new version. */
export type RederivedBatch = { rewritten: RederivedRecord[]; confirmed: number[]; version: string };

/** Where the full-text rows of a batch go on SQLite: into the transaction unless one of these takes them. */
export type ArchiveWriteOptions = { index?: SearchIndexWriter; deferIndex?: IndexDoc[] };

/** One engine's writes of cable records (see writeCableRecords, which checks the records first). */
export type ArchiveWrites = {
  /**
   * Writes a batch in one transaction (the caller's when the store is bound to one); ids already archived or
   * repeated are skipped. On SQLite, `index` (bulk imports) takes the full-text rows after the commit, and
   * `deferIndex` collects them for the caller to hand to `searchIndex.later` once its own transaction commits;
   * PostgreSQL writes them in the transaction either way.
   * @example await store.archive.write([record]) // { inserted: 1, skipped: 0 }
   */
  write(records: CableRecord[], options?: ArchiveWriteOptions): Promise<WrittenRecords>;
  /**
   * Writes a batch of re-derived records, all or nothing as readers see it: a cable's new locks, rows and version
   * are committed together, and until then it keeps its old version, which no one may read (readableBy). On SQLite
   * the search index file's rows are committed first, so a crash between the two commits leaves the cable stale
   * (unreadable) and derived again on the next run.
   * @example await store.archive.rederive({ rewritten: [], confirmed: [7, 8], version: parserVersion() })
   */
  rederive(batch: RederivedBatch): Promise<void>;
};
