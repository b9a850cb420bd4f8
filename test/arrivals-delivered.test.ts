// A copy arriving from another site is delivered in the transaction that stores it: its inbox copy with the
// deadline of its precedence and its NIACT alert are written with the arrival, once however often it arrives, and
// the node's dispatcher tells the live pages and sends the alert at once. Both dialects.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseSitePlan, type Cable } from "../src/core/index.ts";
import { SYSTEM_ACTING } from "../src/services/acting.ts";
import { SYSTEM_READER } from "../src/services/access/reader.ts";
import { setDutyOfficer } from "../src/services/alerts/index.ts";
import type { AlertMessage } from "../src/services/alerts/alert-sender.ts";
import { fixedClock } from "../src/services/clock.ts";
import { loadDefaultDirectory } from "../src/services/directory/index.ts";
import { startDispatcher } from "../src/services/distribution/index.ts";
import { createEventBus, type BusEvent } from "../src/services/events/index.ts";
import { saveSitePlan, storeArrivals } from "../src/services/sites/index.ts";
import type { CopyPayload } from "../src/services/sites/queue-site-copies.ts";
import type { Store } from "../src/store/open-store.ts";
import { seed } from "./helpers/archive-fixtures.ts";
import { eventually } from "./helpers/site-world.ts";
import { DIALECTS, openTestStore } from "./helpers/test-stores.ts";

const NOW = "2026-02-16T23:19:00.000Z";
const MINUTE = 60_000;

/** The seed demarche as headquarters sends it to Panama's node: NIACT IMMEDIATE action to Panama, Paris for info. */
const demarche = (): CopyPayload => {
  const cable: Cable = {
    ...seed("08STATE16245").cable,
    to: [{ route: null, name: "AMEMBASSY PANAMA", office: null, precedence: "NIACT IMMEDIATE", mcn: null }],
    info: [{ route: null, name: "AMEMBASSY PARIS", office: null, precedence: "ROUTINE", mcn: null }],
  };
  return { v: 1, origin: "STATE", seq: 1, precedence: "NIACT IMMEDIATE", cable, actionRequests: [] };
};

describe.each(DIALECTS)("arrivals on %s", (dialect) => {
  let store: Store;
  const clock = fixedClock(NOW);
  beforeEach(async () => {
    clock.set(NOW);
    store = await openTestStore(dialect, "arrivals");
    await loadDefaultDirectory(store);
    await saveSitePlan(store, parseSitePlan("PANAMA", "STATE,PANAMA,PARIS"));
  });
  const afterTest: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const undo of afterTest.splice(0)) await undo();
    await store.close();
  });

  const deliveriesOf = (cableId: string) =>
    store.db.selectFrom("deliveries").selectAll().where("cable_id", "=", cableId).execute();
  const alertsOf = (cableId: string) =>
    store.db.selectFrom("alerts").select(["delivery_id", "kind"]).where("cable_id", "=", cableId).execute();

  it("delivers an arriving copy as it stores it, with its precedence's deadline and its NIACT alert, once", async () => {
    const objectives = { "NIACT IMMEDIATE": 20 * MINUTE };
    const dispatcher = startDispatcher({ store, clock, bus: createEventBus(), senders: [], objectives, pollMs: 0 });
    afterTest.push(() => dispatcher.stop());
    const copy = demarche();
    const first = await storeArrivals({ store, clock, dispatcher }, [copy]);

    const rows = await deliveriesOf(copy.cable.id!);
    // Paris has a node of its own: only Panama's copy is delivered here.
    expect(rows).toMatchObject([
      {
        post: "AMEMBASSY PANAMA",
        state: "delivered",
        delivered_at: NOW,
        due_at: new Date(Date.parse(NOW) + 20 * MINUTE).toISOString(),
      },
    ]);
    expect(await alertsOf(copy.cable.id!)).toEqual([{ delivery_id: rows[0]!.id, kind: "niact" }]);
    expect(first.delivered).toMatchObject({ rows: [{ id: rows[0]!.id, state: "delivered" }], alerts: 1 });
    // The receipt says stored and delivered at once, and the arrival is written as told so.
    expect(first.stored).toEqual([{ cableId: copy.cable.id, origin: "STATE", at: NOW, deliveredAt: NOW }]);
    const arrival = await store.db.selectFrom("site_arrivals").select("reported").executeTakeFirstOrThrow();
    expect(arrival.reported).toBe("delivered");

    // A resend (JetStream redelivers a copy whose acknowledgement was lost) adds nothing and tells nothing.
    const again = await storeArrivals({ store, clock, dispatcher }, [copy]);
    expect(again.delivered).toEqual({ rows: [], alerts: 0 });
    // Its receipt says delivered again, from the inbox: a crash before the first receipt went out loses nothing.
    clock.set("2026-02-16T23:25:00.000Z");
    const resent = await storeArrivals({ store, clock, dispatcher }, [copy]);
    expect(resent.stored).toMatchObject([{ at: "2026-02-16T23:25:00.000Z", deliveredAt: NOW }]);
    expect(await deliveriesOf(copy.cable.id!)).toHaveLength(1);
    expect(await alertsOf(copy.cable.id!)).toHaveLength(1);
  });

  it("has the node's dispatcher tell the live pages and send the duty officer's alert at once, without a beat", async () => {
    await setDutyOfficer({ store, clock }, SYSTEM_ACTING, "PANAMA", { email: "duty@panama.test" });
    const sent: AlertMessage[] = [];
    const recorder = { name: "recorder", send: async (m: AlertMessage) => (sent.push(m), true) };
    const bus = createEventBus({ store });
    const events: BusEvent[] = [];
    bus.subscribe(SYSTEM_READER, (e) => events.push(e));
    const dispatcher = startDispatcher({ store, clock, bus, senders: [recorder], pollMs: 0 });
    try {
      // The dispatcher's first passes (at its start) find nothing: what follows is the arrival's alone.
      await dispatcher.drain();
      const copy = demarche();
      await storeArrivals({ store, clock, dispatcher }, [copy]);

      await eventually("the live pages hear of the delivery", async () => events.length > 0);
      expect(events.filter((e) => e.type === "delivery.delivered")).toMatchObject([
        { cableId: copy.cable.id, post: "AMEMBASSY PANAMA", data: { deliveredAt: NOW, dueAt: expect.any(String) } },
      ]);
      await eventually("the NIACT alert reaches the duty officer", async () => sent.length === 1);
      expect(sent[0]).toMatchObject({ cableId: copy.cable.id, post: "AMEMBASSY PANAMA", kind: "niact" });
    } finally {
      await dispatcher.stop();
    }
  });
});
