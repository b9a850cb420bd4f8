// Statement timings (CABLEGRAM_SQL_TIMINGS): every statement a store runs is counted and timed by its SQL, the
// costliest first, and forgotten on reset; without the variable nothing is recorded.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "../src/store/open-store.ts";
import { statementTimings, statementTimingsFromEnv } from "../src/store/statement-timings.ts";

describe("statement timings", () => {
  const timings = statementTimings();
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ dialect: "sqlite", file: ":memory:", timings });
  });
  afterAll(() => store?.close());

  it("counts and times each statement by its SQL, the costliest first, until reset", async () => {
    timings.reset();
    for (let i = 0; i < 3; i++) await store.db.selectFrom("message_counters").select("key").execute();
    await store.db.selectFrom("message_counters").select("key").where("key", "=", "x").execute();
    const figures = timings.figures();
    const counts = Object.fromEntries(figures.map((f) => [f.sql, f.count]));
    expect(counts).toEqual({
      'select "key" from "message_counters"': 3,
      'select "key" from "message_counters" where "key" = ?': 1,
    });
    expect(figures.map((f) => f.totalMs)).toEqual([...figures.map((f) => f.totalMs)].sort((a, b) => b - a));
    for (const f of figures) expect(f.maxMs).toBeGreaterThanOrEqual(f.p50Ms);
    timings.reset();
    expect(timings.figures()).toEqual([]);
  });

  it("is off unless CABLEGRAM_SQL_TIMINGS names a file", () => {
    expect(statementTimingsFromEnv({})).toBeNull();
    expect(statementTimingsFromEnv({ CABLEGRAM_SQL_TIMINGS: " " })).toBeNull();
  });
});
