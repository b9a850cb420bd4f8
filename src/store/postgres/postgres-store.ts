// The PostgreSQL store: the concerns written for PostgreSQL, over a connection pool (pg).
import type { Kysely } from "kysely";
import type { Database } from "../database.ts";
import type { KeyPlace } from "../key-place.ts";
import type { Store } from "../store.ts";
import { postgresReadingRoom } from "./postgres-reading-room.ts";
import { postgresBulkImport } from "./postgres-bulk-import.ts";
import { postgresCableWrites } from "./postgres-cable-writes.ts";
import { postgresReleaseGroupLock } from "./postgres-release-group-lock.ts";
import { postgresSearch } from "./postgres-search.ts";
import { postgresSearchIndexUpkeep } from "./postgres-search-index-upkeep.ts";
import { postgresDeliveryQueue } from "./postgres-delivery-queue.ts";

/**
 * The store over an open, migrated PostgreSQL database `db`.
 * @example const store = postgresStore(db)
 */
export function postgresStore(db: Kysely<Database>, keys: KeyPlace): Store {
  const bulkImport = postgresBulkImport(db);
  const within = (conn: Kysely<Database>): Store => ({
    db: conn,
    dialect: "postgres",
    sqlite: null,
    searchFile: null,
    keys,
    archive: postgresCableWrites(conn),
    deliveries: postgresDeliveryQueue(conn),
    releaseGroups: postgresReleaseGroupLock(conn),
    search: postgresSearch(conn),
    bulkImport,
    readingRoom: postgresReadingRoom(conn),
    searchIndex: postgresSearchIndexUpkeep(conn),
    transaction: (fn) => conn.transaction().execute((tx) => fn(within(tx))),
    within,
    close: () => db.destroy(),
  });
  return within(db);
}
