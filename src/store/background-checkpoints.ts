// Moves SQLite's WAL checkpoints off the request path, for a long-running server.
//
// SQLite checkpoints when a commit takes the WAL past 1,000 pages: the committing request then copies the WAL into
// the database file and waits for the disk. A release to many posts writes about that much, so a checkpoint would
// often land on a release and lengthen its delivery to the inboxes. Here the server's connection
// never checkpoints; a thread of its own does, every 250 ms, without blocking writers or readers (WAL allows both).
import { Worker } from "node:worker_threads";
import type { Store } from "./open-store.ts";
import type { CheckpointJob } from "./checkpoint-worker.ts";

const ENTRY = new URL("./checkpoint-worker-entry.mjs", import.meta.url);
/** How often the thread checkpoints. Short, so the WAL holds a few releases' worth of pages at most. */
export const CHECKPOINT_INTERVAL_MS = 250;

/** A running checkpoint thread; `stop` checkpoints once more, ends it, and gives the connection its own back. */
export type BackgroundCheckpoints = { stop(): Promise<void> };

/**
 * Starts checkpointing the store's SQLite files on a thread; null for PostgreSQL or an in-memory archive, which
 * have nothing to checkpoint. Stop it before closing the store.
 * @example const checkpoints = checkpointInBackground(store); ...; await checkpoints?.stop(); await store.close()
 */
export function checkpointInBackground(
  store: Store,
  intervalMs = CHECKPOINT_INTERVAL_MS,
): BackgroundCheckpoints | null {
  const sqlite = store.sqlite;
  if (!sqlite || sqlite.memory || store.searchFile === null) return null;
  const schemas = ["main", "search"] as const;
  const before = schemas.map((s) => sqlite.pragma(`${s}.wal_autocheckpoint`, { simple: true }) as number);
  for (const s of schemas) sqlite.pragma(`${s}.wal_autocheckpoint = 0`);
  const job: CheckpointJob = { files: [sqlite.name, store.searchFile], intervalMs };
  const worker = new Worker(ENTRY, { workerData: job });
  // It must not keep a process alive that forgot to stop it; the WAL keeps what was not yet copied.
  worker.unref();
  let alive = true;
  const exited = new Promise<void>((resolve) =>
    worker.once("exit", () => {
      alive = false;
      // Should the thread die, the connection checkpoints for itself again rather than let the WAL grow.
      if (sqlite.open) schemas.forEach((s, i) => sqlite.pragma(`${s}.wal_autocheckpoint = ${before[i]}`));
      resolve();
    }),
  );
  worker.on("error", () => undefined);
  return {
    async stop() {
      // Referenced again, so the process waits for the last checkpoint instead of ending with the thread unheard.
      if (alive) worker.ref();
      if (alive) worker.postMessage("stop");
      await exited;
    },
  };
}
