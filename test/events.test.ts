// Live events: the bus passes every cable event through the access rule and the subscriber's post/office, and
// GET /api/events streams them as server-sent events, so an uncleared user hears nothing of a classified cable.
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_READER, type Reader } from "../src/services/access/reader.ts";
import { createEventBus, type BusEvent } from "../src/services/events/index.ts";
import { locksOfArchived, locksOfArchivedMany } from "../src/services/events/event-bus.ts";
import { classifiedFields, releaseFields, seedFields } from "./helpers/distribution-fixtures.ts";
import { NODIS_ID, SECRET_ID, startTestServer, type TestServer } from "./helpers/server-fixtures.ts";
import { DIALECTS } from "./helpers/test-stores.ts";

const reader = (clearance: Reader["clearance"], accesses: string[] = []): Reader => ({
  userId: `u-${clearance}`,
  clearance,
  accesses,
  lists: [],
  offices: [],
  post: null,
});

/** Reads an SSE stream until `stop` is seen in an event's data; returns the event names in order. */
async function readEvents(response: Response, stop: string): Promise<string[]> {
  const decoder = new TextDecoder();
  const reader = response.body!.getReader();
  let text = "";
  while (!text.includes(stop)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
  }
  await reader.cancel();
  return [...text.matchAll(/^data: (.*)$/gm)].map((m) => {
    const e = JSON.parse(m[1]!) as { type: string; cableId?: string };
    return `${e.type} ${e.cableId ?? ""}`.trim();
  });
}

describe.each(DIALECTS)("events on %s", (dialect) => {
  let server: TestServer;
  let base: string;
  beforeAll(async () => {
    server = await startTestServer(dialect, { messaging: { pollMs: 0, senders: [] } });
    await server.app.listen({ port: 0, host: "127.0.0.1" });
    base = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => server?.close());

  it("reads the locks of many cables at once as it reads each one's, leaving out cables not archived", async () => {
    const ids = [SECRET_ID, NODIS_ID, "08STATE16245"];
    const many = await locksOfArchivedMany(server.store, [...ids, "26NOWHERE1", SECRET_ID]);
    expect([...many.keys()].sort()).toEqual([...ids].sort());
    const sorted = (l: { caveats: string[]; grants: string[] } | null | undefined) =>
      l && { ...l, caveats: [...l.caveats].sort(), grants: [...l.grants].sort() };
    for (const id of ids) {
      expect(sorted(many.get(id))).toEqual(sorted(await locksOfArchived(server.store, id)));
    }
    expect(many.get(SECRET_ID)?.caveats).toContain("NOFORN");
    expect(many.get(NODIS_ID)?.grants.length).toBeGreaterThan(0);
  });

  it("gives a cable event only to readers the access rule lets read the archived cable", async () => {
    const bus = createEventBus({ store: server.store });
    const got = new Map<string, string[]>();
    for (const [name, r] of [
      ["unclassified", reader("UNCLASSIFIED")],
      ["secret", reader("SECRET")],
      ["secret-noforn", reader("SECRET", ["NOFORN"])],
      ["system", SYSTEM_READER],
    ] as const) {
      got.set(name, []);
      bus.subscribe(r, (e) => got.get(name)!.push(e.cableId ?? e.type));
    }
    await bus.publish({ type: "cable.released", cableId: SECRET_ID, data: null });
    await bus.publish({ type: "cable.released", cableId: "08STATE16245", data: null });
    await bus.publish({ type: "cable.released", cableId: "26NOWHERE1", data: null });
    expect(Object.fromEntries(got)).toEqual({
      unclassified: ["08STATE16245"],
      secret: ["08STATE16245"],
      "secret-noforn": [SECRET_ID, "08STATE16245"],
      // An unarchived cable reaches nobody but the system: the bus fails closed.
      system: [SECRET_ID, "08STATE16245", "26NOWHERE1"],
    });
  });

  it("narrows by post and office, and keeps a user's own events to that user", async () => {
    const bus = createEventBus({ store: server.store });
    const seen: BusEvent[] = [];
    bus.subscribe(SYSTEM_READER, (e) => seen.push(e), { post: "AMEMBASSY PARIS", office: "POL" });
    await bus.publish({ type: "delivery.delivered", post: "AMEMBASSY PARIS", office: "POL", data: 1 });
    await bus.publish({ type: "delivery.delivered", post: "AMEMBASSY ROME", office: "POL", data: 2 });
    await bus.publish({ type: "delivery.delivered", post: "AMEMBASSY PARIS", office: "ECON", data: 3 });
    await bus.publish({ type: "notification", userId: "someone-else", data: 4 });
    expect(seen.map((e) => e.data)).toEqual([1]);
  });

  it("streams deliveries of a SECRET cable to a cleared user and not to an uncleared one", async () => {
    const open = async (user: "admin" | "unclassified") =>
      fetch(`${base}/api/events?post=PARIS`, { headers: { cookie: await server.cookieOf(user) } });
    const cleared = await open("admin");
    const uncleared = await open("unclassified");
    expect(cleared.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const secret = await releaseFields(
      server.deps,
      classifiedFields("SECRET", seedFields("08STATE16245", { caveats: ["NOFORN"] })),
    );
    await server.app.messaging.dispatcher.drain();
    // An unclassified cable after it: the marker both streams must reach.
    const plain = await releaseFields(server.deps, seedFields());
    await server.app.messaging.dispatcher.drain();
    expect(await readEvents(cleared, plain.id)).toEqual([
      `delivery.delivered ${secret.id}`,
      `delivery.delivered ${plain.id}`,
    ]);
    expect(await readEvents(uncleared, plain.id)).toEqual([`delivery.delivered ${plain.id}`]);
  });
});
