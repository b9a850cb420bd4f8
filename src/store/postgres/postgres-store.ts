// The PostgreSQL store: the concerns written for PostgreSQL, over a connection pool (pg).
import type { Kysely } from "kysely";
import type { Database } from "../database.ts";
import type { SearchIndexUpkeep } from "../search-index-upkeep.ts";
import type { Store } from "../store.ts";
import { postgresBulkImport } from "./postgres-bulk-import.ts";
import { postgresCableWrites } from "./postgres-cable-writes.ts";
import { postgresReleaseGroupLock } from "./postgres-release-group-lock.ts";
import { postgresSearch } from "./postgres-search.ts";
import { postgresDeliveryQueue } from "./postgres-delivery-queue.ts";

/**
 * The store over an open, migrated PostgreSQL database `db`.
 * @example const store = postgresStore(db)
 */
export function postgresStore(db: Kysely<Database>): Store {
  const bulkImport = postgresBulkImport(db);
  const within = (conn: Kysely<Database>): Store => ({
    db: conn,
    dialect: "postgres",
    sqlite: null,
    searchFile: null,
    archive: postgresCableWrites(conn),
    deliveries: postgresDeliveryQueue(conn),
    releaseGroups: postgresReleaseGroupLock(conn),
    search: postgresSearch(conn),
    bulkImport,
    searchIndex: WHOLE_INDEX,
    transaction: (fn) => conn.transaction().execute((tx) => fn(within(tx))),
    within,
    close: () => db.destroy(),
  });
  return within(db);
}

/** The full-text rows are written in the archive's own transactions: the index never lacks a cable. */
const WHOLE_INDEX: SearchIndexUpkeep = { unindexed: () => [], index: () => undefined };
