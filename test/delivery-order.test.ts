// Deliveries leave the outbox in precedence order: FLASH, NIACT IMMEDIATE, IMMEDIATE, PRIORITY, ROUTINE, whatever
// order the cables were released in, and one cable's action and info copies each take their own place in line.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Addressee, Cable, Precedence } from "../src/core/index.ts";
import { precedenceRank } from "../src/core/index.ts";
import { SYSTEM_READER } from "../src/services/access/reader.ts";
import { archiveCables } from "../src/services/archive/index.ts";
import { fixedClock } from "../src/services/clock.ts";
import { loadDefaultDirectory } from "../src/services/directory/index.ts";
import { enqueueDeliveries, startDispatcher } from "../src/services/distribution/index.ts";
import { createEventBus } from "../src/services/events/event-bus.ts";
import type { Store } from "../src/store/open-store.ts";
import { parseTelegram } from "../src/telegram/index.ts";
import { readSeed } from "./helpers/seeds.ts";
import { DIALECTS, openTestStore } from "./helpers/test-stores.ts";

const to = (name: string, precedence: Precedence): Addressee => ({
  route: null,
  name,
  office: null,
  precedence,
  mcn: null,
});

describe.each(DIALECTS)("%s: delivery in precedence order", (dialect) => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore(dialect, "delivery_order");
    await loadDefaultDirectory(store);
  });
  afterEach(() => store.close());

  it("delivers the most urgent first, whatever the order of release", async () => {
    const seed = parseTelegram(readSeed("08STATE16245"));
    const variant = (serial: number, action: Addressee[], info: Addressee[]): Cable => ({
      ...seed,
      id: `08STATE${serial}`,
      serial,
      to: action,
      info,
    });
    // Released least urgent first, so an outbox worked in release order would deliver them backwards.
    const cables = [
      variant(
        9001,
        [to("AMEMBASSY ROME", "ROUTINE"), to("AMEMBASSY PARIS", "ROUTINE")],
        [to("AMEMBASSY LONDON", "ROUTINE")],
      ),
      variant(9002, [to("AMEMBASSY ZAGREB", "PRIORITY"), to("AMEMBASSY BELGRADE", "PRIORITY")], []),
      variant(
        9003,
        [to("AMEMBASSY PANAMA", "NIACT IMMEDIATE"), to("AMEMBASSY TRIPOLI", "NIACT IMMEDIATE")],
        [to("AMEMBASSY BRUSSELS", "IMMEDIATE"), to("USMISSION USNATO", "IMMEDIATE")],
      ),
      variant(9004, [to("AMEMBASSY PRETORIA", "FLASH")], []),
    ];
    const clock = fixedClock("2008-02-16T23:19:00Z");
    await archiveCables(
      store,
      cables.map((cable) => ({ cable, raw: null, source: "test" })),
    );
    for (const cable of cables) {
      await store.transaction((tx) => enqueueDeliveries(tx, { cable, actionRequests: [] }, clock));
    }

    const bus = createEventBus({ store });
    const seen: { precedence: string; post: string }[] = [];
    bus.subscribe(SYSTEM_READER, (event) => {
      if (event.type !== "delivery.delivered") return;
      const item = event.data as { precedence: string; post: string };
      seen.push({ precedence: item.precedence, post: item.post });
    });
    // One delivery per pass, so the order of events is the order the outbox was worked in.
    const dispatcher = startDispatcher({ store, clock, bus, senders: [], pollMs: 0, batch: 1 });
    try {
      await dispatcher.drain();
    } finally {
      await dispatcher.stop();
    }

    expect(seen).toHaveLength(10);
    expect(seen.map((s) => s.precedence)).toEqual([
      "FLASH",
      "NIACT IMMEDIATE",
      "NIACT IMMEDIATE",
      "IMMEDIATE",
      "IMMEDIATE",
      "PRIORITY",
      "PRIORITY",
      "ROUTINE",
      "ROUTINE",
      "ROUTINE",
    ]);
    const ranks = seen.map((s) => precedenceRank(s.precedence as Precedence));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(seen[0]!.post).toBe("AMEMBASSY PRETORIA");
  });
});
