// Writes cable records in batches, one transaction per batch, through the store's archive writes (sqlite/ and
// postgres/). An id already archived is skipped, never duplicated; that is what makes imports idempotent. Each
// cable gets the next free row number of its DTG minute (date-seq.ts), so row order is date order.
import type { CableRecord } from "./cable-record.ts";
import type { Store } from "./open-store.ts";
import type { ArchiveWriteOptions } from "./archive-writes.ts";

/** How a batch went: rows written and rows skipped because their id was already archived (or repeated). */
export type WriteOutcome = { inserted: number; skipped: number };

/** How a batch went, with the records it wrote (for the hash chain). */
export type WrittenRecords = WriteOutcome & { written: CableRecord[] };

/**
 * Writes a batch of cable records in one transaction; records whose id is already archived (or appears earlier in
 * the batch) are skipped. Either the whole batch is written or, on error, none of it. With `index` (SQLite, bulk
 * imports), the full-text rows go to that writer thread after the commit instead of into the transaction: the
 * cables are searchable a moment later, and the main thread goes on meanwhile. With `deferIndex` (SQLite), they are
 * collected there for the caller to index once its transaction commits (`store.searchIndex.later`).
 * @example await writeCableRecords(store, [record]) // { inserted: 1, skipped: 0 }
 */
export async function writeCableRecords(
  store: Store,
  records: CableRecord[],
  options: ArchiveWriteOptions = {},
): Promise<WrittenRecords> {
  if (records.length === 0) return { inserted: 0, skipped: 0, written: [] };
  for (const r of records) {
    // Stored as hints alone, a cable is read back by parsing its text: without the text, it could not be.
    if (r.parseHints !== null && r.raw === null) throw new Error(`cable ${r.id} has parse hints but no text`);
  }
  return store.archive.write(records, options);
}
