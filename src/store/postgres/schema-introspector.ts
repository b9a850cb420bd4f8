// Kysely's migrator asks the introspector whether its tables exist. PostgreSQL's stock introspector reads every
// table of every schema in the database, resolving each by name, so a schema dropped meanwhile by another process
// (tests and tenants each have their own) fails this one's migration. This one looks in the store's schema only.
import { sql, type DatabaseIntrospector, type Kysely, type SchemaMetadata, type TableMetadata } from "kysely";

/**
 * An introspector that sees one schema: its own existence and its tables' names (the migrator needs no columns).
 * @example await schemaIntrospector(db, "cg_1").getTables() // [{ name: "kysely_migration", schema: "cg_1", ... }]
 */
export function schemaIntrospector(db: Kysely<unknown>, schema: string): DatabaseIntrospector {
  const getTables = async (): Promise<TableMetadata[]> => {
    const { rows } = await sql<{ name: string; kind: string }>`
      SELECT table_name AS name, table_type AS kind FROM information_schema.tables
      WHERE table_schema = ${schema}`.execute(db);
    return rows.map((r) => ({ name: r.name, schema, isView: r.kind === "VIEW", columns: [] }));
  };
  return {
    getSchemas: async () => {
      const { rows } = await sql<{ name: string }>`
        SELECT nspname AS name FROM pg_catalog.pg_namespace WHERE nspname = ${schema}`.execute(db);
      return rows.map((r): SchemaMetadata => ({ name: r.name }));
    },
    getTables,
    getMetadata: async () => ({ tables: await getTables() }),
  };
}

/**
 * `db` as the migrator should see it: the same database, introspected through `schemaIntrospector`.
 * @example new Migrator({ db: introspectingOnly(db, "cg_1"), provider, migrationTableSchema: "cg_1" })
 */
export function introspectingOnly<DB>(db: Kysely<DB>, schema: string): Kysely<DB> {
  const introspector = schemaIntrospector(db as Kysely<unknown>, schema);
  return new Proxy(db, {
    get(target, property) {
      if (property === "introspection") return introspector;
      // Kysely keeps its state in private fields: its methods and getters must run on the real instance.
      const value: unknown = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
