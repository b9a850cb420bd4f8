// The SQLite statement cache under Kysely: one prepared statement per SQL text, reused with new parameters, the
// least recently used dropped beyond the bound, and a stream broken off leaving the statement usable.
import BetterSqlite3 from "better-sqlite3";
import { Kysely, SqliteDialect, sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cachingStatements } from "../src/store/statement-cache.ts";

type Db = { items: { id: number; name: string } };

describe("sqlite: the prepared-statement cache", () => {
  let raw: BetterSqlite3.Database;
  let prepared: string[];
  beforeEach(() => {
    raw = new BetterSqlite3(":memory:");
    raw.exec("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
    prepared = [];
    const prepare = raw.prepare.bind(raw);
    raw.prepare = ((text: string) => (prepared.push(text), prepare(text))) as typeof raw.prepare;
  });
  afterEach(() => {
    if (raw.open) raw.close();
  });

  it("prepares a statement once and runs it again with other parameters", async () => {
    const db = new Kysely<Db>({ dialect: new SqliteDialect({ database: cachingStatements(raw) }) });
    for (let id = 1; id <= 3; id++)
      await db
        .insertInto("items")
        .values({ id, name: `n${id}` })
        .execute();
    const names = [];
    for (let id = 1; id <= 3; id++) {
      names.push((await db.selectFrom("items").select("name").where("id", "=", id).executeTakeFirst())?.name);
    }
    expect(names).toEqual(["n1", "n2", "n3"]);
    expect(prepared.filter((p) => p.startsWith("insert"))).toHaveLength(1);
    expect(prepared.filter((p) => p.startsWith("select"))).toHaveLength(1);
    const updated = await db.updateTable("items").set({ name: "x" }).where("id", ">", 1).executeTakeFirst();
    expect(updated.numUpdatedRows).toBe(2n);
  });

  it("drops the least recently used statement beyond its bound", async () => {
    const db = new Kysely<Db>({ dialect: new SqliteDialect({ database: cachingStatements(raw, 2) }) });
    const a = sql`select 1 as a`;
    const b = sql`select 2 as b`;
    const c = sql`select 3 as c`;
    for (const q of [a, b, a, c, a, b]) await q.execute(db);
    // a stays (used recently), b is dropped when c comes and prepared again at the end.
    expect(prepared).toEqual(["select 1 as a", "select 2 as b", "select 3 as c", "select 2 as b"]);
  });

  it("runs a statement again after a stream of it was broken off", async () => {
    const db = new Kysely<Db>({ dialect: new SqliteDialect({ database: cachingStatements(raw) }) });
    await db
      .insertInto("items")
      .values([1, 2, 3].map((id) => ({ id, name: `n${id}` })))
      .execute();
    const query = () => db.selectFrom("items").select("id").orderBy("id");
    for await (const row of query().stream()) if (row.id === 1) break;
    expect((await query().execute()).map((r) => r.id)).toEqual([1, 2, 3]);
    const streamed: number[] = [];
    for await (const row of query().stream()) streamed.push(row.id);
    expect(streamed).toEqual([1, 2, 3]);
  });

  it("closes the database", async () => {
    const db = new Kysely<Db>({ dialect: new SqliteDialect({ database: cachingStatements(raw) }) });
    await sql`select 1`.execute(db);
    await db.destroy();
    expect(raw.open).toBe(false);
  });
});
