// Queries whose SQL depends on more than their arguments (a reader's access rule, optional filters), compiled once
// per distinct key and then run as compiled. Kysely builds an operation tree and compiles it on every call; for a
// list read many times a second by the same people (an inbox), that costs a good part of what SQLite takes to run it.
// Unlike preparedQuery, the compiled query keeps its parameters: the key must name everything the builder reads.
import type { Compilable, CompiledQuery, Kysely, QueryResult } from "kysely";
import type { Database } from "./database.ts";

/** Runs the query `build` makes for `key`, compiled on the first call with that key (on a database's dialect). */
export type CompiledQueries<R> = (
  db: Kysely<Database>,
  key: string,
  build: (db: Kysely<Database>) => Compilable<R>,
) => Promise<QueryResult<R>>;

/** Keys kept per dialect by default, the least recently used dropped first. */
export const COMPILED_QUERIES_KEPT = 500;

/**
 * A memory of compiled queries by key. `build` must make the same query (SQL and parameters) whenever it is given
 * the same key: put every value it reads into the key (JSON.stringify of them).
 * @example
 * const inboxQueries = compiledQueries<Row>()
 * const { rows } = await inboxQueries(db, JSON.stringify([reader, filter]), (db) => db.selectFrom("deliveries")...)
 */
export function compiledQueries<R>(capacity = COMPILED_QUERIES_KEPT): CompiledQueries<R> {
  // The SQL depends on the dialect, whose adapter a database shares with its transactions.
  const byAdapter = new WeakMap<object, Map<string, CompiledQuery<R>>>();
  return (db, key, build) => {
    const adapter = db.getExecutor().adapter;
    let kept = byAdapter.get(adapter);
    if (!kept) byAdapter.set(adapter, (kept = new Map()));
    let compiled = kept.get(key);
    if (compiled) kept.delete(key);
    else compiled = build(db).compile();
    // Re-inserted, it is the newest in the Map's order; the oldest goes first.
    kept.set(key, compiled);
    if (kept.size > capacity) kept.delete(kept.keys().next().value!);
    return db.executeQuery(compiled);
  };
}
