// Archive writes: how one engine stores a batch of cable records with their side rows and full-text rows.
import type { CableRecord } from "./cable-record.ts";
import type { WrittenRecords } from "./cable-writes.ts";
import type { SearchIndexWriter } from "./search-index-writer.ts";

/** One engine's writes of cable records (see writeCableRecords, which checks the records first). */
export type ArchiveWrites = {
  /**
   * Writes a batch in one transaction (the caller's when the store is bound to one); ids already archived or
   * repeated are skipped. `index` (SQLite, bulk imports) takes the full-text rows after the commit.
   * @example await store.archive.write([record]) // { inserted: 1, skipped: 0 }
   */
  write(records: CableRecord[], options?: { index?: SearchIndexWriter }): Promise<WrittenRecords>;
};
