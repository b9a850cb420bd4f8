// Group commit: transaction bodies that arrive together (concurrent requests) share one transaction, each inside a
// savepoint of its own. A commit costs more than most of what a release does in it (SQLite writes every changed page
// to the WAL and flushes the full-text index; PostgreSQL waits for its WAL to reach the disk), so eight releases in
// one commit cost far less than eight commits. Each body still succeeds or fails alone: one that throws is rolled
// back to its savepoint and rejected, and the others go on.
import type { ControlledTransaction, Kysely } from "kysely";
import type { Database } from "./database.ts";
import type { Store } from "./open-store.ts";

/** Work to do in a transaction; it sees what the bodies before it in the group wrote. */
export type GroupBody<T> = (tx: Kysely<Database>) => Promise<T>;

export type GroupCommitOptions = {
  /**
   * Runs once at the start of every group's transaction, before any body (of `size`): to take locks in a fixed
   * order, which a group of one may not need.
   */
  opening?: (tx: Kysely<Database>, store: Store, size: number) => Promise<void>;
  /** Bodies per transaction at most; default 32 (what waits beyond that goes in the next group). */
  maxGroup?: number;
};

/** Runs a body in the next group transaction of a store; resolves once that transaction has committed. */
export type GroupCommit = <T>(store: Store, body: GroupBody<T>) => Promise<T>;

type Waiting = { body: GroupBody<unknown>; resolve(value: unknown): void; reject(error: unknown): void };
type Lane = { waiting: Waiting[]; running: boolean };

// The same name for every body: they run one after another, each savepoint released before the next is made.
const SAVEPOINT = "group_body";

/**
 * A group commit. A body waits at most for the group running before it: bodies queued while one group runs make
 * the next, and a body arriving when none runs waits only for the current turn of the event loop, so that bodies
 * queued in the same turn share its transaction. A body's promise settles only once its fate is sure: resolved
 * after the commit, rejected when it threw (its writes rolled back) or when the group's transaction failed (none
 * of the group's writes remain).
 * @example const inGroup = groupCommit(); await inGroup(store, (tx) => tx.insertInto("audit_log").values(row).execute())
 */
export function groupCommit(options: GroupCommitOptions = {}): GroupCommit {
  const lanes = new WeakMap<Kysely<Database>, Lane>();
  const maxGroup = options.maxGroup ?? 32;

  const drain = async (store: Store, lane: Lane) => {
    while (lane.waiting.length > 0) await runGroup(store, lane.waiting.splice(0, maxGroup), options);
    lane.running = false;
  };

  return <T>(store: Store, body: GroupBody<T>) =>
    new Promise<T>((resolve, reject) => {
      let lane = lanes.get(store.db);
      if (!lane) lanes.set(store.db, (lane = { waiting: [], running: false }));
      lane.waiting.push({ body, resolve: resolve as (value: unknown) => void, reject });
      if (lane.running) return;
      lane.running = true;
      const started = lane;
      setImmediate(() => void drain(store, started));
    });
}

async function runGroup(store: Store, group: Waiting[], options: GroupCommitOptions): Promise<void> {
  let trx: ControlledTransaction<Database> | null = null;
  const done: { waiting: Waiting; value: unknown }[] = [];
  let next = 0;
  try {
    trx = await store.db.startTransaction().execute();
    await options.opening?.(trx, store, group.length);
    if (group.length === 1) {
      // Alone: no savepoint is needed, its failure is the transaction's.
      done.push({ waiting: group[0]!, value: await group[0]!.body(trx) });
      next = 1;
    }
    for (; next < group.length; next++) {
      const waiting = group[next]!;
      const saved = await trx.savepoint(SAVEPOINT).execute();
      let value: unknown;
      try {
        value = await waiting.body(saved);
      } catch (error) {
        // Undone, it can be told at once: nothing of it will be committed whatever happens to the others. If the
        // rollback itself fails, the outer catch ends the whole transaction.
        await (await saved.rollbackToSavepoint(SAVEPOINT).execute()).releaseSavepoint(SAVEPOINT).execute();
        waiting.reject(error);
        continue;
      }
      await saved.releaseSavepoint(SAVEPOINT).execute();
      done.push({ waiting, value });
    }
    await trx.commit().execute();
  } catch (error) {
    if (trx && !trx.isCommitted && !trx.isRolledBack)
      await trx
        .rollback()
        .execute()
        .catch(() => undefined);
    for (const d of done) d.waiting.reject(error);
    for (const waiting of group.slice(next)) waiting.reject(error);
    return;
  }
  for (const d of done) d.waiting.resolve(d.value);
}
