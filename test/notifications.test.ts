// Notifications of a draft's life (issue 17 item 7), as services on SQLite and PostgreSQL: a clearance asked of me
// (by name or of my office), cleared, objected (with the comment), released, and a NIACT alert that reached nobody;
// each left once, live to its user alone, listed and counted only while the user may see what it is about, and
// marked read by id or all at once. My drafts and Sent list where the drafter's drafts stand.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTING } from "../src/services/acting.ts";
import { startDispatcher } from "../src/services/distribution/dispatcher.ts";
import { createEventBus, type BusEvent, type EventBus } from "../src/services/events/index.ts";
import { listNotifications, markNotificationsRead, type Notification } from "../src/services/notifications/index.ts";
import { readerOf, updateUser, type User } from "../src/services/users/index.ts";
import {
  createDraft,
  decideClearance,
  myDrafts,
  releaseDraft,
  requestClearance,
  sentCables,
  submitDraft,
  updateDraft,
  type WorkflowDeps,
} from "../src/services/workflow/index.ts";
import { classifiedFields } from "./helpers/distribution-fixtures.ts";
import { DIALECTS } from "./helpers/test-stores.ts";
import { openWorkflowWorld, seedDraft, type WorkflowWorld } from "./helpers/workflow-world.ts";

describe.each(DIALECTS)("%s: notifications of a draft's life", (dialect) => {
  let world: WorkflowWorld;
  let bus: EventBus;
  let deps: WorkflowDeps;
  beforeAll(async () => {
    world = await openWorkflowWorld(dialect);
    bus = createEventBus({ store: world.store });
    deps = { ...world.deps, bus };
  });
  afterAll(() => world?.close());

  /** The user's notifications now, newest first. */
  const list = (user: User) => listNotifications(world.store, { user });
  /** Live events heard by the user while `act` runs. */
  const heardBy = async (user: User, act: () => Promise<unknown>): Promise<BusEvent[]> => {
    const heard: BusEvent[] = [];
    const stop = bus.subscribe(readerOf(user), (e) => heard.push(e), {}, { user, home: "SECSTATE WASHDC" });
    try {
      await act();
    } finally {
      stop();
    }
    return heard.filter((e) => e.type === "notification");
  };
  const secretDraft = () => classifiedFields("SECRET", seedDraft());
  let draftId: string;

  it("tells a clearer asked by name, and everyone in an office asked, live; never the drafter nor the uncleared", async () => {
    const { dana, erin, ada, rita } = world.people;
    draftId = (await createDraft(deps, dana, secretDraft())).id;
    const heard = await heardBy(erin, async () => {
      await requestClearance(deps, dana, draftId, { clearer: "IO/UNP" });
      await requestClearance(deps, dana, draftId, { clearer: "ada", kind: "user", required: false });
      // Rita may not read a SECRET draft: asking her tells her nothing of it.
      await requestClearance(deps, dana, draftId, { clearer: "rita", kind: "user", required: false });
    });
    expect(heard.map((e) => [e.userId, (e.data as Notification).kind])).toEqual([[erin.id, "clearance.requested"]]);
    const erins = await list(erin);
    expect(erins.unread).toBe(1);
    expect(erins.notifications).toMatchObject([
      {
        kind: "clearance.requested",
        draftId,
        cableId: null,
        actor: "dana",
        subject: secretDraft().subject,
        classification: "SECRET",
        detail: { clearer: "IO/UNP" },
        link: `/drafts/${draftId}`,
        read: false,
      },
    ]);
    expect((await list(ada)).notifications.map((n) => [n.kind, n.detail?.clearer])).toEqual([
      ["clearance.requested", "ada"],
    ]);
    expect(await list(rita)).toEqual({ notifications: [], unread: 0 });
    expect(await list(dana)).toEqual({ notifications: [], unread: 0 });
  });

  it("tells the drafter of an objection with its comment and of a clearance given, each once", async () => {
    const { dana, erin, ada } = world.people;
    const clearances = (await listClearances()).filter((c) => c.clearer === "IO/UNP");
    const heard = await heardBy(dana, () =>
      decideClearance(deps, erin, draftId, clearances[0]!.id, { decision: "object", comment: "Say 'welcomes'." }),
    );
    expect(heard.map((e) => (e.data as Notification).kind)).toEqual(["clearance.objected"]);
    expect((await list(dana)).notifications[0]).toMatchObject({
      kind: "clearance.objected",
      actor: "erin",
      comment: "Say 'welcomes'.",
      link: `/drafts/${draftId}`,
    });
    // The edit asks erin again; she clears the new text, and the drafter hears that too.
    world.clock.advance(60_000);
    await updateDraft(deps, dana, draftId, { subject: `${secretDraft().subject} (REVISED)` });
    expect((await list(erin)).notifications.map((n) => n.kind)).toEqual(["clearance.requested", "clearance.requested"]);
    await decideClearance(deps, erin, draftId, clearances[0]!.id, { decision: "clear" });
    const adas = (await listClearances()).find((c) => c.clearer === "ada")!;
    await decideClearance(deps, ada, draftId, adas.id, { decision: "clear" });
    const danas = await list(dana);
    expect(danas.notifications.map((n) => [n.kind, n.actor])).toEqual([
      ["clearance.cleared", "ada"],
      ["clearance.cleared", "erin"],
      ["clearance.objected", "erin"],
    ]);
    expect(danas.unread).toBe(3);
    expect(danas.notifications[0]!.subject).toMatch(/\(REVISED\)$/);
  });

  it("lists my draft with its status, clearances and last change; submitted once submitted", async () => {
    const { dana, erin } = world.people;
    const [mine] = await myDrafts(world.store, dana);
    expect(mine).toMatchObject({
      id: draftId,
      status: "draft",
      counts: { cleared: 2, pending: 1, objected: 0 },
      lastChange: { action: "clearance.decide", by: "ada" },
    });
    await submitDraft(deps, dana, draftId);
    expect((await myDrafts(world.store, dana))[0]).toMatchObject({ status: "submitted", lastChange: { by: "dana" } });
    expect(await myDrafts(world.store, erin)).toEqual([]);
  });

  it("tells the drafter their draft was released, linking to the cable, which Sent then lists", async () => {
    const { dana, ada } = world.people;
    let cableId = "";
    const heard = await heardBy(dana, async () => {
      cableId = (await releaseDraft(deps, ada, draftId)).id;
    });
    expect(heard.map((e) => [e.type, e.cableId, (e.data as Notification).kind])).toEqual([
      ["notification", cableId, "cable.released"],
    ]);
    expect((await list(dana)).notifications[0]).toMatchObject({
      kind: "cable.released",
      cableId,
      draftId,
      actor: "ada",
      link: `/cables/${cableId}`,
    });
    expect(await myDrafts(world.store, dana)).toEqual([]);
    const [sent] = await sentCables(world.store, dana);
    expect(sent).toMatchObject({ id: cableId, precedence: "IMMEDIATE", classification: "SECRET", releasedBy: "ada" });
    expect(sent!.to.map((a) => a.name)).toContain("AMEMBASSY PANAMA");
    expect(sent!.to.every((a) => a.precedence === "NIACT IMMEDIATE")).toBe(true);
  });

  it("tells the drafter and the releaser once that the NIACT alert reached nobody, naming the posts", async () => {
    const { dana, ada } = world.people;
    const dispatcher = startDispatcher({ ...deps, bus, senders: [], pollMs: 0 });
    // Stopped inside: the dispatcher's own kicked passes may still be sending when drain returns.
    const heard = await heardBy(dana, () => dispatcher.drain().finally(() => dispatcher.stop()));
    expect(heard.map((e) => (e.data as Notification).kind)).toEqual(["alert.unreached"]);
    // Looked at again after the repeat interval, still nobody on duty: not told twice.
    world.clock.advance(10 * 60_000);
    await dispatcher.drain();
    for (const user of [dana, ada]) {
      const unreached = (await list(user)).notifications.filter((n) => n.kind === "alert.unreached");
      expect(unreached).toHaveLength(1);
      expect(unreached[0]!.detail?.posts).toEqual([
        "AMEMBASSY OUAGADOUGOU",
        "AMEMBASSY PANAMA",
        "AMEMBASSY PRETORIA",
        "AMEMBASSY SAN JOSE",
        "AMEMBASSY TRIPOLI",
      ]);
    }
  });

  it("no longer shows or counts what the user may not read now, and marks read by id or all", async () => {
    const { dana } = world.people;
    const before = await list(dana);
    expect(before.notifications.map((n) => n.kind)).toEqual([
      "alert.unreached",
      "cable.released",
      "clearance.cleared",
      "clearance.cleared",
      "clearance.objected",
    ]);
    await updateUser(world.deps, SYSTEM_ACTING, "dana", { clearance: "UNCLASSIFIED" });
    try {
      const lowered = { ...dana, clearance: "UNCLASSIFIED" as const };
      expect(await list(lowered)).toEqual({ notifications: [], unread: 0 });
    } finally {
      await updateUser(world.deps, SYSTEM_ACTING, "dana", { clearance: "SECRET" });
    }
    // Another user's id is not theirs to mark.
    const erins = await list(world.people.erin);
    expect(await markNotificationsRead(world.deps, { userId: dana.id, ids: [erins.notifications[0]!.id] })).toBe(0);
    expect(await markNotificationsRead(world.deps, { userId: dana.id, ids: [before.notifications[0]!.id] })).toBe(1);
    expect((await list(dana)).unread).toBe(4);
    expect(await markNotificationsRead(world.deps, { userId: dana.id })).toBe(4);
    expect((await list(dana)).unread).toBe(0);
    expect((await list(world.people.erin)).unread).toBe(2);
  });

  async function listClearances() {
    return world.store.db.selectFrom("draft_clearances").selectAll().where("draft_id", "=", draftId).execute();
  }
});
