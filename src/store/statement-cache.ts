// Kysely's SQLite driver prepares every statement anew each time it runs it; preparing costs as much as running the
// small statements a release makes, and it makes dozens. This keeps the prepared statements, keyed by their SQL text.
import type BetterSqlite3 from "better-sqlite3";
import type { SqliteDatabase, SqliteStatement } from "kysely";

/** Statements kept at most: the queries the app builds are a few hundred texts; `in (?, ?, …)` lists make more. */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * The database as Kysely's `SqliteDialect` takes it, handing out cached prepared statements (least recently used
 * ones dropped beyond `size`). A statement is the same whatever its parameters, which better-sqlite3 binds on each
 * run; one still being iterated (a stream) is busy, and then a fresh one is prepared instead.
 * @example new SqliteDialect({ database: cachingStatements(new BetterSqlite3(file)) })
 */
export function cachingStatements(db: BetterSqlite3.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(sql: string): SqliteStatement {
      const known = cache.get(sql);
      if (known && !known.busy) {
        // Map keeps insertion order: re-inserting marks it the most recently used.
        cache.delete(sql);
        cache.set(sql, known);
        return known;
      }
      const statement = db.prepare(sql);
      if (known) return statement; // the cached one is busy; keep it for when it is done
      cache.set(sql, statement);
      if (cache.size > size) cache.delete(cache.keys().next().value!);
      return statement;
    },
    close() {
      cache.clear();
      db.close();
    },
  };
}
