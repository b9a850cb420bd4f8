// A cable's row number is the next free one of its DTG minute (date-seq.ts), on both dialects: for batches
// written at the same time too, without a number for cables already archived. On PostgreSQL the numbers handed
// out are kept per minute (migration 0016), which an archive written before it gets from its rows.
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Cable } from "../src/core/index.ts";
import { SYSTEM_READER } from "../src/services/access/index.ts";
import { archiveCables, countCables } from "../src/services/archive/index.ts";
import { dateBucket, SLOTS } from "../src/store/date-seq.ts";
import { up as keepRowNumberTops } from "../src/store/migrations/0016-row-number-reservations.ts";
import type { Store } from "../src/store/open-store.ts";
import { variantOf, seed } from "./helpers/archive-fixtures.ts";
import { DIALECTS, openTestStore } from "./helpers/test-stores.ts";

describe.each(DIALECTS)("%s: row numbers", (dialect) => {
  let store: Store;
  let base: Cable;
  let minute: number;
  beforeEach(async () => {
    store = await openTestStore(dialect, "cg_seq");
    base = seed("08STATE16245").cable;
    minute = dateBucket(base.dtg) * SLOTS;
  });
  afterEach(async () => {
    await store.close();
  });

  /** A cable of the seed's DTG minute. */
  const sameMinute = (serial: number) => ({ cable: variantOf(base, { id: `08STATE${90000 + serial}` }), raw: null });
  const seqs = async () => {
    const rows = await store.db.selectFrom("cables").select(["id", "seq"]).orderBy("seq").execute();
    return new Map(rows.map((r) => [r.id, Number(r.seq)]));
  };

  it("numbers a minute's cables one after another, and takes no number for a cable archived again", async () => {
    await archiveCables(store, [sameMinute(1)]);
    expect(await archiveCables(store, [sameMinute(1)])).toEqual({ inserted: 0, skipped: 1 });
    await archiveCables(store, [sameMinute(2)]);
    await archiveCables(store, [sameMinute(3), sameMinute(4)]);
    expect([...(await seqs())]).toEqual([
      ["08STATE90001", minute],
      ["08STATE90002", minute + 1],
      ["08STATE90003", minute + 2],
      ["08STATE90004", minute + 3],
    ]);
  });

  it("gives batches of one minute written at the same time distinct numbers, and stores every cable", async () => {
    const batches = [0, 1, 2, 3].map((b) => Array.from({ length: 25 }, (_, i) => sameMinute(b * 25 + i)));
    const outcomes = await Promise.all(batches.map((batch) => archiveCables(store, batch)));
    expect(outcomes).toEqual(batches.map(() => ({ inserted: 25, skipped: 0 })));
    const numbers = [...(await seqs()).values()];
    expect(new Set(numbers).size).toBe(100);
    expect(numbers.every((n) => n >= minute && n < minute + SLOTS)).toBe(true);
    expect(await countCables(store, SYSTEM_READER)).toBe(100);
  });
});

describe("postgres: the row numbers handed out (migration 0016)", () => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore("postgres", "cg_seq");
  });
  afterEach(async () => {
    await store.close();
  });

  it("go on from the highest number of each minute archived before the migration", async () => {
    const base = seed("08STATE16245").cable;
    const cable = (id: string) => ({ cable: variantOf(base, { id }), raw: null });
    await archiveCables(store, [cable("08STATE90001"), cable("08STATE90002"), seed("09STATE39345")]);
    // The archive as it was before the migration: no record of the numbers handed out.
    await sql`DROP TABLE cable_seq_tops`.execute(store.db);
    await keepRowNumberTops(store.db as never, "postgres");
    await archiveCables(store, [cable("08STATE90003")]);
    const rows = await store.db.selectFrom("cables").select(["id", "seq"]).where("id", "like", "08STATE9%").execute();
    const seq = new Map(rows.map((r) => [r.id, Number(r.seq)]));
    expect(seq.get("08STATE90003")).toBe(seq.get("08STATE90002")! + 1);
  });
});
