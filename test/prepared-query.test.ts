// Prepared queries: compiled once per database, they run with new arguments exactly as the builder's query would,
// in or out of a transaction, on SQLite and PostgreSQL; a builder that binds an argument twice or not at all is
// refused the first time it is compiled.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../src/store/open-store.ts";
import { preparedQuery } from "../src/store/prepared-query.ts";
import { DIALECTS, openTestStore } from "./helpers/test-stores.ts";

describe.each(DIALECTS)("%s: prepared queries", (dialect) => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore(dialect, "cg_prepared");
  });
  afterAll(() => store?.close());

  const put = preparedQuery((db, key: string, value: number) =>
    db.insertInto("message_counters").values({ key, value }).returning(["key", "value"]),
  );
  const above = preparedQuery((db, prefix: string, min: number) =>
    db
      .selectFrom("message_counters")
      .select(["key", "value"])
      .where("key", "like", prefix)
      .where("value", ">=", min)
      .orderBy("key"),
  );

  it("binds new arguments each time, constants of the builder kept", async () => {
    expect((await put(store.db, "p1", 1)).rows).toEqual([{ key: "p1", value: 1 }]);
    await put(store.db, "p2", 20);
    await put(store.db, "p3", 300);
    const rows = (await above(store.db, "p%", 20)).rows;
    expect(rows.map((r) => [r.key, Number(r.value)])).toEqual([
      ["p2", 20],
      ["p3", 300],
    ]);
    expect((await above(store.db, "q%", 0)).rows).toEqual([]);
  });

  it("runs inside a transaction, which sees its own writes and rolls them back", async () => {
    await store.db
      .transaction()
      .execute(async (tx) => {
        await put(tx, "t1", 5);
        expect((await above(tx, "t%", 0)).rows).toHaveLength(1);
        throw new Error("roll back");
      })
      .catch(() => undefined);
    expect((await above(store.db, "t%", 0)).rows).toEqual([]);
  });

  it("refuses a builder that binds an argument twice or not at all", async () => {
    const twice = preparedQuery((db, key: string) =>
      db.selectFrom("message_counters").select("key").where("key", "=", key).where("key", "<>", key),
    );
    await expect(twice(store.db, "a")).rejects.toThrow(/not exactly one parameter/);
    const unused = preparedQuery((db, _key: string) => db.selectFrom("message_counters").select("key"));
    await expect(unused(store.db, "a")).rejects.toThrow(/not exactly one parameter/);
  });
});
