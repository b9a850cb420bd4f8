// Distribution: addressees expanded against the directory, collectives, XMT, dedupe, roles, precedence order,
// handling-time escalation, and idempotence when dispatchers race or a release is retried. Both dialects.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Cable } from "../src/core/index.ts";
import { setDutyOfficer } from "../src/services/alerts/index.ts";
import { SYSTEM_READER } from "../src/services/access/reader.ts";
import { fixedClock } from "../src/services/clock.ts";
import { addCollective, addCollectiveMember, loadDefaultDirectory } from "../src/services/directory/index.ts";
import {
  ackDelivery,
  deliverQueued,
  enqueueDeliveries,
  escalateOverdue,
  handlingObjectives,
  objectivesFromEnv,
  slugDelivery,
  startDispatcher,
} from "../src/services/distribution/index.ts";
import { createEventBus, type BusEvent } from "../src/services/events/index.ts";
import * as migration0012 from "../src/store/migrations/0012-slugged-copies-no-deadline.ts";
import type { Store } from "../src/store/open-store.ts";
import { releaseFields, seedFields, SEED08_ACTION } from "./helpers/distribution-fixtures.ts";
import { buildCable } from "./helpers/factories.ts";
import { rejectionOf } from "./helpers/expect-rejection.ts";
import { DIALECTS, openTestStore } from "./helpers/test-stores.ts";
import { SYSTEM_ACTING } from "../src/services/acting.ts";

const addressee = (name: string, precedence: Cable["to"][number]["precedence"] = null) => ({
  route: null,
  name,
  office: null,
  precedence,
  mcn: null,
});

describe.each(DIALECTS)("distribution on %s", (dialect) => {
  let store: Store;
  const clock = fixedClock("2026-02-16T23:19:00Z");
  const bus = createEventBus();
  beforeEach(async () => {
    store = await openTestStore(dialect, "dist");
    await loadDefaultDirectory(store);
    clock.set("2026-02-16T23:19:00Z");
  });
  afterEach(async () => store.close());

  const deliveries = () =>
    store.db.selectFrom("deliveries").selectAll().orderBy("rank").orderBy("post").orderBy("office").execute();
  const draftAndRelease = (fields = seedFields()) => releaseFields({ store, clock }, fields);
  const drain = async () => {
    const dispatcher = startDispatcher({ store, clock, bus, senders: [], pollMs: 0 });
    await dispatcher.drain();
    await dispatcher.stop();
  };

  it("makes the seed demarche five NIACT IMMEDIATE action copies and nine IMMEDIATE info copies, queued", async () => {
    await draftAndRelease();
    const rows = await deliveries();
    expect(rows).toHaveLength(14);
    expect(rows.filter((r) => r.role === "action").map((r) => r.post)).toEqual(SEED08_ACTION);
    expect(rows.filter((r) => r.role === "action").every((r) => r.precedence === "NIACT IMMEDIATE")).toBe(true);
    expect(rows.filter((r) => r.role === "info").every((r) => r.precedence === "IMMEDIATE")).toBe(true);
    expect(rows.map((r) => r.post)).toContain("USOFFICE PRISTINA");
    expect(rows.every((r) => r.state === "queued" && r.delivered_at === null)).toBe(true);
  });

  it("expands a collective, applies XMT to it, and keeps one copy per post: action and the higher precedence win", async () => {
    await addCollective(store, SYSTEM_ACTING, { name: "TEST BALKANS COLLECTIVE", routingIndicator: null });
    for (const post of ["AMEMBASSY BELGRADE", "AMEMBASSY ZAGREB", "AMEMBASSY SKOPJE"]) {
      await addCollectiveMember(store, SYSTEM_ACTING, "TEST BALKANS COLLECTIVE", post);
    }
    await draftAndRelease(
      seedFields("08STATE16245", {
        to: [addressee("TEST BALKANS COLLECTIVE", "PRIORITY")],
        info: [addressee("AMEMBASSY BELGRADE", "IMMEDIATE"), addressee("AMEMBASSY PARIS", "PRIORITY")],
        exclusions: [addressee("AMEMBASSY SKOPJE")],
      }),
    );
    const rows = await deliveries();
    expect(rows.map((r) => [r.post, r.role, r.precedence])).toEqual([
      ["AMEMBASSY BELGRADE", "action", "IMMEDIATE"],
      ["AMEMBASSY PARIS", "info", "PRIORITY"],
      ["AMEMBASSY ZAGREB", "action", "PRIORITY"],
    ]);
  });

  it("rejects an unknown addressee by name with close matches, and writes nothing", async () => {
    await store.transaction((tx) =>
      enqueueDeliveries(tx, { cable: buildCable({ id: "26STATE103" }), actionRequests: [] }, clock),
    );
    const cable = buildCable({ id: "26STATE104", to: [addressee("AMEMBASSY OUAGADOUGU")] });
    const error = await rejectionOf(
      store.transaction((tx) => enqueueDeliveries(tx, { cable, actionRequests: [] }, clock)),
    );
    expect(error).toMatchObject({ code: "UNKNOWN_ADDRESSEE", details: { addressee: "AMEMBASSY OUAGADOUGU" } });
    expect(error.details.hints as string[]).toContain("AMEMBASSY OUAGADOUGOU");
    expect((await deliveries()).filter((r) => r.cable_id === "26STATE104")).toEqual([]);
  });

  it("resolves addressees as drafting does: an office by its code goes to that office of its post", async () => {
    const { id } = await draftAndRelease(
      seedFields("08STATE16245", { to: [addressee("IO/UNP", "PRIORITY")], info: [] }),
    );
    const rows = (await deliveries()).filter((r) => r.cable_id === id);
    expect(rows.map((r) => [r.post, r.office, r.role, r.precedence])).toEqual([
      ["SECSTATE WASHDC", "IO/UNP", "action", "PRIORITY"],
    ]);
  });

  it("delivers in precedence order whatever order cables were released in", async () => {
    const seen: BusEvent[] = [];
    bus.subscribe(SYSTEM_READER, (e) => seen.push(e));
    const routine = seedFields("08STATE16245", {
      to: [addressee("AMEMBASSY ROME", "ROUTINE")],
      info: [addressee("AMEMBASSY LONDON", "PRIORITY")],
    });
    const flash = seedFields("08STATE16245", { to: [addressee("AMEMBASSY PARIS", "FLASH")], info: [] });
    await draftAndRelease(routine);
    await draftAndRelease();
    await draftAndRelease(flash);
    // One at a time, so the order across transactions shows.
    const options = { store, clock, bus, objectives: handlingObjectives(), batch: 1 };
    while ((await deliverQueued(options)) > 0);
    const order = seen
      .filter((e) => e.type === "delivery.delivered")
      .map((e) => (e.data as { precedence: string }).precedence);
    expect(order).toEqual([
      "FLASH",
      ...Array(5).fill("NIACT IMMEDIATE"),
      ...Array(9).fill("IMMEDIATE"),
      "PRIORITY",
      "ROUTINE",
    ]);
  });

  it("delivers each copy once and raises one alert per NIACT copy when dispatchers race and a release is retried", async () => {
    const { cable } = await draftAndRelease();
    // A retried enqueue (a release replayed after a crash) adds no copy.
    await store.transaction((tx) => enqueueDeliveries(tx, { cable, actionRequests: [] }, clock));
    const delivered: string[] = [];
    const counting = createEventBus();
    counting.subscribe(
      SYSTEM_READER,
      (e) => e.type === "delivery.delivered" && delivered.push((e.data as { id: string }).id),
    );
    const options = { store, clock, bus: counting, objectives: handlingObjectives(), batch: 3 };
    const race = async () => {
      while ((await deliverQueued(options)) > 0);
    };
    await Promise.all([race(), race(), race()]);
    const rows = await deliveries();
    expect(rows).toHaveLength(14);
    expect(rows.every((r) => r.state === "delivered")).toBe(true);
    expect(delivered.sort()).toEqual(rows.map((r) => r.id).sort());
    const alerts = await store.db.selectFrom("alerts").select(["post", "kind"]).orderBy("post").execute();
    expect(alerts).toEqual(SEED08_ACTION.map((post) => ({ post, kind: "niact" })));
  });

  it("gives each copy of a mixed batch its own precedence's handling-time objective, configured ones included", async () => {
    await draftAndRelease(
      seedFields("08STATE16245", {
        to: [addressee("AMEMBASSY PARIS", "FLASH"), addressee("AMEMBASSY ROME", "NIACT IMMEDIATE")],
        info: [addressee("AMEMBASSY LONDON", "PRIORITY"), addressee("AMEMBASSY MADRID", "ROUTINE")],
      }),
    );
    const options = { store, clock, bus, objectives: handlingObjectives({ FLASH: 5 * 60_000 }), batch: 500 };
    expect(await deliverQueued(options)).toBe(4);
    const due = Object.fromEntries((await deliveries()).map((r) => [r.post, r.due_at]));
    expect(due).toEqual({
      "AMEMBASSY PARIS": "2026-02-16T23:24:00.000Z",
      "AMEMBASSY ROME": "2026-02-16T23:49:00.000Z",
      "AMEMBASSY LONDON": "2026-02-17T02:19:00.000Z",
      "AMEMBASSY MADRID": "2026-02-17T05:19:00.000Z",
    });
  });

  it("lets NIACT IMMEDIATE follow a configured IMMEDIATE objective unless configured itself", () => {
    const env = { CABLEGRAM_OBJECTIVE_IMMEDIATE: "15" };
    expect(handlingObjectives(objectivesFromEnv(env))["NIACT IMMEDIATE"]).toBe(15 * 60_000);
    expect(handlingObjectives(objectivesFromEnv(env)).IMMEDIATE).toBe(15 * 60_000);
    const both = { ...env, CABLEGRAM_OBJECTIVE_NIACT_IMMEDIATE: "5" };
    expect(handlingObjectives(objectivesFromEnv(both))["NIACT IMMEDIATE"]).toBe(5 * 60_000);
    expect(handlingObjectives()["NIACT IMMEDIATE"]).toBe(30 * 60_000);
  });

  it("keeps delivering while an alert sender hangs: a slow webhook never holds up the next FLASH cable", async () => {
    let calls = 0;
    let unblock!: () => void;
    const blocked = new Promise<void>((resolve) => (unblock = resolve));
    const hanging = {
      name: "hanging",
      send: async () => {
        calls++;
        await blocked;
        return true;
      },
    };
    // Alerts reach senders only for a post with someone on duty.
    await setDutyOfficer({ store, clock }, SYSTEM_ACTING, "PANAMA", { email: "duty@panama.test" });
    const dispatcher = startDispatcher({ store, clock, bus, senders: [hanging], pollMs: 0 });
    const until = async (what: string, check: () => Promise<boolean>) => {
      const deadline = Date.now() + 10_000;
      while (!(await check())) {
        if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    const state = async (cableId: string) =>
      (await store.db.selectFrom("deliveries").select("state").where("cable_id", "=", cableId).execute()).map(
        (r) => r.state,
      );
    try {
      const demarche = await draftAndRelease();
      dispatcher.kick();
      await until("the NIACT alerts are being sent", async () => calls > 0);
      const flash = await draftAndRelease(
        seedFields("08STATE16245", { to: [addressee("AMEMBASSY PARIS", "FLASH")], info: [] }),
      );
      dispatcher.kick();
      await until("the FLASH copy is delivered", async () => (await state(flash.id)).includes("delivered"));
      expect(await state(demarche.id)).toEqual(Array(14).fill("delivered"));
    } finally {
      unblock();
      await dispatcher.stop();
    }
  });

  it("escalates an unacknowledged copy past its handling-time objective, once, and spares acknowledged ones", async () => {
    await draftAndRelease();
    await drain();
    const panama = (await deliveries()).find((r) => r.post === "AMEMBASSY PANAMA")!;
    expect(panama.due_at).toBe("2026-02-16T23:49:00.000Z");
    await store.db
      .updateTable("deliveries")
      .set({ acked_at: clock.now().toISOString() })
      .where("id", "=", panama.id)
      .execute();
    clock.advance(29 * 60_000);
    expect(await escalateOverdue({ store, clock, bus })).toBe(0);
    clock.advance(60_000);
    expect(await escalateOverdue({ store, clock, bus })).toBe(13);
    expect(await escalateOverdue({ store, clock, bus })).toBe(0);
    const escalations = await store.db.selectFrom("alerts").select("post").where("kind", "=", "escalation").execute();
    expect(escalations).toHaveLength(13);
    expect(escalations.map((a) => a.post)).not.toContain("AMEMBASSY PANAMA");
  });

  describe("a copy a communicator slugs to offices", () => {
    const deps = () => ({ store, clock });
    const panamaCopy = async () => (await deliveries()).find((r) => r.post === "AMEMBASSY PANAMA" && r.office === "")!;
    const escalationsOf = async (post: string) =>
      store.db
        .selectFrom("alerts")
        .select("delivery_id")
        .where("kind", "=", "escalation")
        .where("post", "=", post)
        .execute();
    beforeEach(async () => {
      await draftAndRelease();
      await drain();
    });

    it("goes to the post's own sections from the default directory, never to another post's office", async () => {
      const post = await panamaCopy();
      const copies = await slugDelivery(deps(), null, post.id, ["CONS", "dao"]);
      expect(copies.map((c) => [c.post, c.office])).toEqual([
        ["AMEMBASSY PANAMA", "CONS"],
        ["AMEMBASSY PANAMA", "DAO"],
      ]);
      const elsewhere = await rejectionOf(slugDelivery(deps(), null, post.id, ["IO/UNP"]));
      expect(elsewhere.code).toBe("OFFICE_NOT_FOUND");
      expect(elsewhere.message).toBe("AMEMBASSY PANAMA has no office IO/UNP in the directory.");
    });

    it("is not escalated again when the post's copy was escalated already", async () => {
      clock.advance(30 * 60_000);
      expect(await escalateOverdue({ store, clock, bus })).toBe(14);
      const post = await panamaCopy();
      const copies = await slugDelivery(deps(), null, post.id, ["POL", "ECON"]);
      expect(copies.map((c) => [c.office, c.dueAt, c.escalated])).toEqual([
        ["POL", null, false],
        ["ECON", null, false],
      ]);
      clock.advance(60_000);
      expect(await escalateOverdue({ store, clock, bus })).toBe(0);
      clock.advance(24 * 3600_000);
      expect(await escalateOverdue({ store, clock, bus })).toBe(0);
      expect(await escalationsOf("AMEMBASSY PANAMA")).toEqual([{ delivery_id: post.id }]);
    });

    it("is never escalated itself: the post's copy is, once, unless the post acknowledged it", async () => {
      const post = await panamaCopy();
      await slugDelivery(deps(), null, post.id, ["POL"]);
      // The communicator acknowledges the post's copy and hands it on: nothing of Panama's is overdue.
      const tripoli = (await deliveries()).find((r) => r.post === "AMEMBASSY TRIPOLI" && r.office === "")!;
      await ackDelivery(deps(), null, tripoli.id);
      await slugDelivery(deps(), null, tripoli.id, ["ECON"]);
      clock.advance(30 * 60_000);
      expect(await escalateOverdue({ store, clock, bus })).toBe(13);
      expect(await escalationsOf("AMEMBASSY PANAMA")).toEqual([{ delivery_id: post.id }]);
      expect(await escalationsOf("AMEMBASSY TRIPOLI")).toEqual([]);
      const offices = (await deliveries()).filter((r) => r.office !== "");
      expect(offices.map((r) => [r.post, r.office, r.due_at, r.escalated_at])).toEqual([
        ["AMEMBASSY PANAMA", "POL", null, null],
        ["AMEMBASSY TRIPOLI", "ECON", null, null],
      ]);
    });

    it("loses a deadline it was given before migration 0012, and its open escalation alert with it", async () => {
      const post = await panamaCopy();
      const [pol] = await slugDelivery(deps(), null, post.id, ["POL"]);
      // As slugDelivery wrote it before: the post copy's deadline, escalated with the post's copy.
      await store.db.updateTable("deliveries").set({ due_at: post.due_at }).where("id", "=", pol!.id).execute();
      clock.advance(30 * 60_000);
      expect(await escalateOverdue({ store, clock, bus })).toBe(15);
      await migration0012.up(store.db as never, dialect);
      const rows = await store.db
        .selectFrom("deliveries")
        .select(["id", "due_at", "escalated_at"])
        .where("post", "=", "AMEMBASSY PANAMA")
        .orderBy("office")
        .execute();
      expect(rows.map((r) => [r.id, r.due_at, r.escalated_at])).toEqual([
        [post.id, post.due_at, clock.now().toISOString()],
        [pol!.id, null, clock.now().toISOString()],
      ]);
      const open = await store.db
        .selectFrom("alerts")
        .select(["delivery_id", "acked_by"])
        .where("kind", "=", "escalation")
        .where("post", "=", "AMEMBASSY PANAMA")
        .execute();
      expect(Object.fromEntries(open.map((a) => [a.delivery_id, a.acked_by]))).toEqual({
        [post.id]: null,
        [pol!.id]: "system",
      });
    });
  });
});
