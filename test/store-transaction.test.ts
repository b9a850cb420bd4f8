// store.transaction hands its body the store bound to one transaction: all of the body's writes or none.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../src/store/open-store.ts";
import { DIALECTS, openTestStore } from "./helpers/test-stores.ts";

describe.each(DIALECTS)("%s: store transactions", (dialect) => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore(dialect, "cg_tx");
  });
  afterEach(async () => {
    await store.close();
  });

  const counter = (db: Store["db"], key: string) =>
    db.selectFrom("message_counters").select("value").where("key", "=", key).executeTakeFirst();

  it("commits the body's writes, made through the store it is handed, when the body resolves", async () => {
    const answer = await store.transaction(async (tx) => {
      expect(tx.db.isTransaction).toBe(true);
      await tx.db.insertInto("message_counters").values({ key: "t.commit", value: 7 }).execute();
      return "done";
    });
    expect(answer).toBe("done");
    expect(Number((await counter(store.db, "t.commit"))?.value)).toBe(7);
  });

  it("leaves none of the body's writes when the body throws, and rethrows its error", async () => {
    const failing = store.transaction(async (tx) => {
      await tx.db.insertInto("message_counters").values({ key: "t.rollback", value: 1 }).execute();
      throw new Error("refused");
    });
    await expect(failing).rejects.toThrow("refused");
    expect(await counter(store.db, "t.rollback")).toBeUndefined();
  });

  it("hands the body a store of the same engine, so its concerns run in the transaction", async () => {
    await store.transaction(async (tx) => {
      expect(tx.dialect).toBe(store.dialect);
      expect(tx.within(tx.db).db).toBe(tx.db);
    });
  });
});
