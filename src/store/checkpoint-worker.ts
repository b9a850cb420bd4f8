// The checkpoint thread: copies the SQLite archive's write-ahead log (and its search index's) into the database
// files every few hundred milliseconds, on connections of its own, so no request waits for the disk (fsync).
import { parentPort, workerData } from "node:worker_threads";
import BetterSqlite3 from "better-sqlite3";

/** What the thread is given: the files to checkpoint and how often. */
export type CheckpointJob = { files: string[]; intervalMs: number };

const { files, intervalMs } = workerData as CheckpointJob;
const connections = files.map((file) => {
  const db = new BetterSqlite3(file, { fileMustExist: true });
  // Another connection may hold the checkpoint lock a moment (a bulk import's own checkpoints): wait a little.
  db.pragma("busy_timeout = 1000");
  return db;
});

/** A passive checkpoint copies what it can without waiting for readers or writers; what is left waits a turn. */
function checkpointAll(): void {
  for (const db of connections) {
    try {
      db.pragma("wal_checkpoint(PASSIVE)");
    } catch {
      // Busy or interrupted: the next turn tries again, and the WAL keeps everything meanwhile.
    }
  }
}

const timer = setInterval(checkpointAll, intervalMs);
parentPort?.on("message", (message: "stop") => {
  if (message !== "stop") return;
  clearInterval(timer);
  checkpointAll();
  for (const db of connections) db.close();
  parentPort!.close();
});
