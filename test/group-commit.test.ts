// Group commit: bodies queued together share one transaction, yet each succeeds or fails alone, and none is told
// it succeeded unless its transaction committed; on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groupCommit } from "../src/store/group-commit.ts";
import type { Store } from "../src/store/open-store.ts";
import { DIALECTS, openTestStore } from "./helpers/test-stores.ts";

describe.each(DIALECTS)("%s: group commit", (dialect) => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore(dialect, "cg_group");
  });
  afterAll(() => store?.close());

  const put = (key: string, value = 1) => store.db.insertInto("message_counters").values({ key, value });
  const keys = async (prefix: string) =>
    (await store.db.selectFrom("message_counters").select("key").where("key", "like", `${prefix}%`).execute())
      .map((r) => r.key)
      .sort();

  it("runs the bodies queued in one turn in one transaction, each seeing what those before it wrote", async () => {
    let openings = 0;
    const inGroup = groupCommit({ opening: async () => void openings++ });
    const seen = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        inGroup(store, async (tx) => {
          await tx
            .insertInto("message_counters")
            .values({ key: `b${n}`, value: n })
            .execute();
          return (await tx.selectFrom("message_counters").select("key").where("key", "like", "b%").execute()).length;
        }),
      ),
    );
    expect(openings).toBe(1);
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(await keys("b")).toEqual(["b1", "b2", "b3", "b4"]);
  });

  it("rolls back a body that throws, rejects it alone and commits the others", async () => {
    const inGroup = groupCommit();
    const outcomes = await Promise.allSettled(
      [1, 2, 3].map((n) =>
        inGroup(store, async (tx) => {
          await tx
            .insertInto("message_counters")
            .values({ key: `c${n}`, value: n })
            .execute();
          if (n === 2) throw new Error("body 2 fails after writing");
          return n;
        }),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(await keys("c")).toEqual(["c1", "c3"]);
  });

  it("goes on after a body whose statement the database refused (PostgreSQL aborts the transaction)", async () => {
    await put("d0").execute();
    const inGroup = groupCommit();
    const outcomes = await Promise.allSettled([
      inGroup(store, (tx) => tx.insertInto("message_counters").values({ key: "d1", value: 1 }).execute()),
      inGroup(store, (tx) => tx.insertInto("message_counters").values({ key: "d0", value: 1 }).execute()),
      inGroup(store, (tx) => tx.insertInto("message_counters").values({ key: "d2", value: 1 }).execute()),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(await keys("d")).toEqual(["d0", "d1", "d2"]);
  });

  it("tells every body of a group that could not commit that it failed, and keeps none of their writes", async () => {
    let fail = true;
    const inGroup = groupCommit({
      opening: async () => {
        if (fail) throw new Error("the group's transaction fails");
      },
    });
    const outcomes = await Promise.allSettled(
      [1, 2].map((n) =>
        inGroup(store, (tx) =>
          tx
            .insertInto("message_counters")
            .values({ key: `e${n}`, value: n })
            .execute(),
        ),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual(["rejected", "rejected"]);
    expect(await keys("e")).toEqual([]);
    fail = false;
    await inGroup(store, (tx) => tx.insertInto("message_counters").values({ key: "e3", value: 3 }).execute());
    expect(await keys("e")).toEqual(["e3"]);
  });

  it("rejects a lone body that throws (no savepoint) and runs the next one", async () => {
    const inGroup = groupCommit();
    await expect(
      inGroup(store, async (tx) => {
        await tx.insertInto("message_counters").values({ key: "f1", value: 1 }).execute();
        throw new Error("alone and failing");
      }),
    ).rejects.toThrow("alone and failing");
    await inGroup(store, (tx) => tx.insertInto("message_counters").values({ key: "f2", value: 2 }).execute());
    expect(await keys("f")).toEqual(["f2"]);
  });
});
