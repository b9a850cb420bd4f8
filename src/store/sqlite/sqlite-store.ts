// The SQLite store: the concerns written for SQLite, over one connection (better-sqlite3).
import type BetterSqlite3 from "better-sqlite3";
import type { Kysely } from "kysely";
import type { Database } from "../database.ts";
import type { KeyPlace } from "../key-place.ts";
import type { Store } from "../store.ts";
import { sqliteReadingRoom } from "./sqlite-reading-room.ts";
import { sqliteBulkImport } from "./sqlite-bulk-import.ts";
import { sqliteCableWrites } from "./sqlite-cable-writes.ts";
import { sqliteReleaseGroupLock } from "./sqlite-release-group-lock.ts";
import { sqliteSearch } from "./sqlite-search.ts";
import { sqliteSearchIndexUpkeep } from "./sqlite-search-index-upkeep.ts";
import { sqliteDeliveryQueue } from "./sqlite-delivery-queue.ts";

/**
 * The store over an open, migrated SQLite database `db` and its raw handle.
 * @example const store = sqliteStore(db, handle, "data/cablegram-search.db")
 */
export function sqliteStore(
  db: Kysely<Database>,
  sqlite: BetterSqlite3.Database,
  searchFile: string | null,
  keys: KeyPlace,
): Store {
  const archive = sqliteCableWrites(sqlite);
  const bulkImport = sqliteBulkImport(sqlite);
  const searchIndex = sqliteSearchIndexUpkeep(sqlite, searchFile);
  const within = (conn: Kysely<Database>): Store => ({
    db: conn,
    dialect: "sqlite",
    sqlite,
    searchFile,
    keys,
    archive,
    deliveries: sqliteDeliveryQueue(conn),
    releaseGroups: sqliteReleaseGroupLock(conn),
    search: sqliteSearch(conn),
    bulkImport,
    readingRoom: sqliteReadingRoom(conn),
    searchIndex,
    transaction: (fn) => conn.transaction().execute((tx) => fn(within(tx))),
    within,
    close: async () => {
      await searchIndex.close();
      await db.destroy();
    },
  });
  return within(db);
}
