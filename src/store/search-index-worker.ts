// The search index's own writer thread: takes batches of cables to index and writes each in one transaction on a
// connection of its own to the index file, so the main thread goes on writing the archive meanwhile.
import { parentPort, workerData } from "node:worker_threads";
import BetterSqlite3 from "better-sqlite3";
import { BULK_CHECKPOINT_PAGES, prepareIndexing, type IndexDoc } from "./search-index.ts";

/** A batch to index (ascending seq), and the answer once it is committed or has failed. */
export type IndexJob = { id: number; docs: IndexDoc[] };
export type IndexAnswer = { id: number; error: string | null };

const db = new BetterSqlite3((workerData as { file: string }).file);
db.pragma("journal_mode = WAL");
db.pragma("synchronous = NORMAL");
// The thread lives for one bulk import: checkpoint as seldom as the archive does meanwhile (search-index.ts).
db.pragma(`wal_autocheckpoint = ${BULK_CHECKPOINT_PAGES}`);
// The server or another command may be writing the index (a release); wait for it rather than fail.
db.pragma("busy_timeout = 10000");
// As the main connection has it (search-index.ts): merging segments reads the index all over.
db.pragma("cache_size = -65536");
const index = prepareIndexing(db, "main");
const indexAll = db.transaction((docs: IndexDoc[]) => docs.forEach(index));

parentPort?.on("message", (job: IndexJob | "close") => {
  if (job === "close") {
    db.close();
    parentPort!.close();
    return;
  }
  let error: string | null = null;
  try {
    // IMMEDIATE: its first statement reads, and in WAL mode a read whose snapshot another writer has moved past
    // (a release on the server) cannot become a write: SQLITE_BUSY at once, without waiting. Locking first waits.
    indexAll.immediate(job.docs);
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  parentPort!.postMessage({ id: job.id, error } satisfies IndexAnswer);
});
