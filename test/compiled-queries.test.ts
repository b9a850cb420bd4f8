// Compiled queries by key: a query is built once per key and dialect and then run as compiled (so a builder that
// would now make another query is not asked again), a new key builds anew, and the least recently used key is the
// one forgotten past the capacity. On SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../src/store/open-store.ts";
import { compiledQueries } from "../src/store/compiled-queries.ts";
import { DIALECTS, openTestStore } from "./helpers/test-stores.ts";

describe.each(DIALECTS)("%s: compiled queries by key", (dialect) => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore(dialect, "cg_compiled");
    await store.db
      .insertInto("message_counters")
      .values([
        { key: "a", value: 1 },
        { key: "b", value: 2 },
      ])
      .execute();
  });
  afterAll(() => store?.close());

  it("builds a key's query once and runs it as compiled, and builds again for another key", async () => {
    const counters = compiledQueries<{ key: string }>();
    const built: string[] = [];
    const run = async (key: string, wanted: string) =>
      (
        await counters(store.db, key, (db) => {
          built.push(key);
          return db.selectFrom("message_counters").select("key").where("key", "=", wanted);
        })
      ).rows.map((r) => r.key);
    expect(await run("k1", "a")).toEqual(["a"]);
    // Same key: the query compiled for it runs, whatever the builder would make now.
    expect(await run("k1", "b")).toEqual(["a"]);
    expect(await run("k2", "b")).toEqual(["b"]);
    expect(built).toEqual(["k1", "k2"]);
  });

  it("forgets the least recently used key past its capacity", async () => {
    const counters = compiledQueries<{ key: string }>(2);
    const built: string[] = [];
    const run = (key: string) =>
      counters(store.db, key, (db) => {
        built.push(key);
        return db.selectFrom("message_counters").select("key");
      });
    for (const key of ["k1", "k2", "k1", "k3", "k1", "k2"]) await run(key);
    // k2 was the least recently used when k3 came; k1 stayed.
    expect(built).toEqual(["k1", "k2", "k3", "k2"]);
  });
});
