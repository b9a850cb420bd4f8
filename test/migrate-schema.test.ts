// Migrating a PostgreSQL store looks at its own schema only, so other schemas of the database (other tests' and
// tenants') being created and dropped at the same time cannot fail its migration.
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { schemaIntrospector } from "../src/store/postgres/schema-introspector.ts";
import { openStore } from "../src/store/open-store.ts";
import { PG_URL, pgAdmin, testSchemaName } from "./helpers/test-stores.ts";

describe("postgres: migrations and other schemas", () => {
  const dropped: string[] = [];
  afterAll(async () => {
    for (const schema of dropped) await pgAdmin(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  });

  it("introspects only the store's own schema", async () => {
    const mine = testSchemaName("intro_mine");
    const other = testSchemaName("intro_other");
    dropped.push(mine, other);
    await pgAdmin(`CREATE SCHEMA "${mine}"; CREATE TABLE "${mine}".a (x int);
      CREATE SCHEMA "${other}"; CREATE TABLE "${other}".b (y serial)`);
    const db = new Kysely<unknown>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: PG_URL }) }),
    });
    try {
      const introspector = schemaIntrospector(db, mine);
      expect((await introspector.getTables()).map((t) => [t.schema, t.name])).toEqual([[mine, "a"]]);
      expect(await introspector.getSchemas()).toEqual([{ name: mine }]);
    } finally {
      await db.destroy();
    }
  });

  it("migrates new stores while other schemas are dropped around them", async () => {
    let churning = true;
    const churn = (async () => {
      for (let i = 0; churning && i < 200; i++) {
        const schema = testSchemaName("churn");
        await pgAdmin(`CREATE SCHEMA "${schema}"; CREATE TABLE "${schema}".t (id serial, v text)`);
        await pgAdmin(`DROP SCHEMA "${schema}" CASCADE`);
      }
    })();
    try {
      for (let round = 0; round < 3; round++) {
        const schemas = [0, 1, 2].map(() => testSchemaName("migrate_churn"));
        dropped.push(...schemas);
        const stores = await Promise.all(
          schemas.map((schema) => openStore({ dialect: "postgres", url: PG_URL, schema })),
        );
        await Promise.all(stores.map((s) => s.close()));
      }
    } finally {
      churning = false;
      await churn;
    }
  });
});
