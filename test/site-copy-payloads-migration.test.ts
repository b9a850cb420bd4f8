// Upgrading a node whose outbox holds copies: migration 0036 moves each copy's payload out of its tracking row, and
// a copy queued before the upgrade is still sent, whole, after it.
import BetterSqlite3 from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Kysely, PostgresDialect, SqliteDialect, sql } from "kysely";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { migrateTo } from "../src/store/migrate.ts";
import { openStore, type Dialect, type Store } from "../src/store/open-store.ts";
import { PG_URL, pgAdmin, pgUrlInSchema, testSchemaName } from "./helpers/test-stores.ts";

const BEFORE = "0033-declass-due-counts";
const payload = JSON.stringify({ v: 1, origin: "STATE", seq: 1, precedence: "FLASH", cable: { id: "08STATE16245" } });

/** Writes one queued copy the way a node before migration 0036 did: its payload in its own row. */
async function queueOldCopy(db: Kysely<unknown>): Promise<void> {
  await sql`INSERT INTO site_copies (id, cable_id, site, seq, precedence, rank, state, payload, attempt, queued_at)
    VALUES ('c1', '08STATE16245', 'PANAMA', 1, 'FLASH', 0, 'queued', ${payload}, 0, '2026-12-06T10:00:00.000Z')`.execute(
    db,
  );
}

async function outbox(store: Store) {
  return store.db
    .selectFrom("site_copies as c")
    .innerJoin("site_copy_payloads as p", "p.copy_id", "c.id")
    .select(["c.id", "c.state", "p.payload"])
    .execute();
}

describe.each<Dialect>(["sqlite", "postgres"])("%s: migration 0036", (dialect) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it("keeps the payload of a copy queued before the upgrade, so it is still sent whole", async () => {
    let store: Store;
    if (dialect === "sqlite") {
      const dir = mkdtempSync(join(tmpdir(), "cg-0036-"));
      cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
      const file = join(dir, "cablegram.db");
      const sqlite = new BetterSqlite3(file);
      const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
      await migrateTo(db, "sqlite", BEFORE);
      await queueOldCopy(db);
      await db.destroy();
      store = await openStore({ dialect, file, keys: { dir } });
    } else {
      const schema = testSchemaName("cg_0036");
      cleanups.push(() => pgAdmin(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
      await pgAdmin(`CREATE SCHEMA "${schema}"`);
      const db = new Kysely<unknown>({
        dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: pgUrlInSchema(schema) }) }),
      });
      await migrateTo(db, "postgres", BEFORE, schema);
      await queueOldCopy(db);
      await db.destroy();
      const keys = mkdtempSync(join(tmpdir(), "cg-0036-keys-"));
      cleanups.push(async () => rmSync(keys, { recursive: true, force: true }));
      store = await openStore({ dialect, url: PG_URL, schema, keys: { dir: keys } });
    }
    try {
      expect(await outbox(store)).toEqual([{ id: "c1", state: "queued", payload }]);
    } finally {
      await store.close();
    }
  });
});
