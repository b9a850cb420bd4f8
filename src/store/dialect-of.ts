// Which dialect a Kysely database or transaction speaks, for the few statements that are written per dialect
// (array binds on PostgreSQL) where the caller holds a transaction rather than the store.
import { PostgresAdapter, type Kysely } from "kysely";
import type { Database } from "./database.ts";
import type { Dialect } from "./open-store.ts";

/**
 * The dialect of `db`, read off its adapter (a transaction shares its database's).
 * @example dialectOf(tx) // "postgres"
 */
export function dialectOf(db: Kysely<Database>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}
