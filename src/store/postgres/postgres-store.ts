// The PostgreSQL store: the concerns written for PostgreSQL, over a connection pool (pg).
import type { Kysely } from "kysely";
import type { Database } from "../database.ts";
import type { Store } from "../store.ts";
import { postgresReleaseGroupLock } from "./postgres-release-group-lock.ts";
import { postgresDeliveryQueue } from "./postgres-delivery-queue.ts";

/**
 * The store over an open, migrated PostgreSQL database `db`.
 * @example const store = postgresStore(db)
 */
export function postgresStore(db: Kysely<Database>): Store {
  const within = (conn: Kysely<Database>): Store => ({
    db: conn,
    dialect: "postgres",
    sqlite: null,
    searchFile: null,
    deliveries: postgresDeliveryQueue(conn),
    releaseGroups: postgresReleaseGroupLock(conn),
    transaction: (fn) => conn.transaction().execute((tx) => fn(within(tx))),
    within,
    close: () => db.destroy(),
  });
  return within(db);
}
