// The SQLite store: the concerns written for SQLite, over one connection (better-sqlite3).
import type BetterSqlite3 from "better-sqlite3";
import type { Kysely } from "kysely";
import type { Database } from "../database.ts";
import type { Store } from "../store.ts";
import { sqliteReleaseGroupLock } from "./sqlite-release-group-lock.ts";
import { sqliteDeliveryQueue } from "./sqlite-delivery-queue.ts";

/**
 * The store over an open, migrated SQLite database `db` and its raw handle.
 * @example const store = sqliteStore(db, handle, "data/cablegram-search.db")
 */
export function sqliteStore(db: Kysely<Database>, sqlite: BetterSqlite3.Database, searchFile: string | null): Store {
  const within = (conn: Kysely<Database>): Store => ({
    db: conn,
    dialect: "sqlite",
    sqlite,
    searchFile,
    deliveries: sqliteDeliveryQueue(conn),
    releaseGroups: sqliteReleaseGroupLock(conn),
    transaction: (fn) => conn.transaction().execute((tx) => fn(within(tx))),
    within,
    close: () => db.destroy(),
  });
  return within(db);
}
