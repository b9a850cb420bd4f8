// The first start preloads the Kosovo recognition campaign with every shipped event, each with its source; a second
// start adds nothing, and an archive that started before campaigns existed gets the campaign on its next start.
import { afterEach, describe, expect, it } from "vitest";
import { KOSOVO_RECOGNITION_EVENTS } from "../src/core/index.ts";
import { firstStart } from "../src/server/first-start.ts";
import { fixedClock } from "../src/services/clock.ts";
import type { Store } from "../src/store/open-store.ts";
import { DIALECTS, openTestStore } from "./helpers/test-stores.ts";

describe.each(DIALECTS)("%s: preloaded Kosovo campaign", (dialect) => {
  let store: Store | undefined;
  afterEach(async () => store?.close());

  async function counts(s: Store): Promise<[number, number]> {
    const campaigns = await s.db.selectFrom("campaigns").select("id").execute();
    const events = await s.db.selectFrom("position_events").select(["id", "sources"]).execute();
    expect(events.every((e) => (JSON.parse(e.sources) as unknown[]).length > 0)).toBe(true);
    return [campaigns.length, events.length];
  }

  it("is created on the first start and left alone by the next", async () => {
    store = await openTestStore(dialect, "campaign_preload");
    const deps = { store, clock: fixedClock("2024-05-01T09:00:00Z") };
    const first = await firstStart(deps, { importPaths: [], adminPassword: "a long enough passphrase" });
    expect(first.campaign).toEqual({ created: true, events: KOSOVO_RECOGNITION_EVENTS.length });
    expect(await counts(store)).toEqual([1, KOSOVO_RECOGNITION_EVENTS.length]);
    const second = await firstStart(deps, { importPaths: [] });
    expect(second).toMatchObject({ firstStart: false, campaign: { created: false, events: 0 } });
    expect(await counts(store)).toEqual([1, KOSOVO_RECOGNITION_EVENTS.length]);
  });

  it("is added to an archive whose first start ran before campaigns", async () => {
    store = await openTestStore(dialect, "campaign_preload");
    const deps = { store, clock: fixedClock("2024-05-01T09:00:00Z") };
    await store.db.insertInto("instance_state").values({ key: "first_start_completed", value: "2020" }).execute();
    const start = await firstStart(deps, { importPaths: [] });
    expect(start).toMatchObject({ firstStart: false, campaign: { created: true } });
  });
});
