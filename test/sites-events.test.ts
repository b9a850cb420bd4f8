// The communicator's page follows events, not a poll: headquarters' node, over a real two-site network (a NATS hub
// and a leaf server per site), tells its app's event stream how copies to Panama move (sent, stored there, waiting
// while the link is down) and when its link drops and returns, in counts that name no cable, batched per pass, to
// communicators alone. A plain reader's stream, open all along, hears the releases and nothing of the traffic.
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Precedence, SiteTrafficMove, SiteTrafficNews } from "../src/core/index.ts";
import { buildApp } from "../src/server/app.ts";
import { SYSTEM_ACTING } from "../src/services/acting.ts";
import { systemClock } from "../src/services/clock.ts";
import { createUser } from "../src/services/users/index.ts";
import { releaseFields, seedFields } from "./helpers/distribution-fixtures.ts";
import { signInCookies, PASSWORD } from "./helpers/server-fixtures.ts";
import { eventually, openSiteWorld, type SiteWorld } from "./helpers/site-world.ts";

/** This file's ports: NATS from 24000 (hub 24000, leaf connections 24001, a site each from 24010), HTTP 24090. */
const NATS_BASE = 24000;
const HTTP_PORT = 24090;

/** An event as GET /api/events frames it. */
type Heard = { type: string; cableId?: string; data: unknown };

/** A stream being read in the background: every event heard so far, in order. */
type Listening = { heard: Heard[]; raw: string[]; close(): Promise<void> };

async function listen(url: string, cookie: string): Promise<Listening> {
  const response = await fetch(url, { headers: { cookie } });
  if (!response.ok) throw new Error(`GET /api/events answered ${response.status}`);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const heard: Heard[] = [];
  const raw: string[] = [];
  let text = "";
  const reading = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      text += decoder.decode(value, { stream: true });
      for (let end = text.indexOf("\n\n"); end >= 0; end = text.indexOf("\n\n")) {
        const frame = text.slice(0, end);
        text = text.slice(end + 2);
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        if (data === undefined) continue;
        raw.push(frame);
        heard.push(JSON.parse(data) as Heard);
      }
    }
  })();
  return {
    heard,
    raw,
    async close() {
      await reader.cancel().catch(() => {});
      await reading;
    },
  };
}

/** The `site.traffic` news a stream heard from position `from` on. */
const trafficOf = (stream: Listening, from = 0): SiteTrafficNews[] =>
  stream.heard
    .slice(from)
    .filter((e) => e.type === "site.traffic")
    .map((e) => e.data as SiteTrafficNews);

/** How many copies to `site` the news says made `move`. */
const copiesMoved = (news: SiteTrafficNews, site: string, move: SiteTrafficMove): number =>
  news.counts.filter((c) => c.site === site && c.move === move).reduce((n, c) => n + c.copies, 0);

describe("site traffic on the event stream", () => {
  let world: SiteWorld;
  let app: FastifyInstance;
  let comms: Listening;
  let plain: Listening;
  const hq = () => world.nodes.get("STATE")!;
  let serial = 0;
  const release = async (precedence: Precedence = "IMMEDIATE") => {
    const deps = { store: hq().store, clock: systemClock, bus: app.messaging.bus, kick: () => hq().link.kick() };
    const subject = `KOSOVO: TRAFFIC EVENT ${++serial}`;
    const fields = seedFields("08STATE16245", { to: [{ name: "AMEMBASSY PANAMA", precedence }], info: [], subject });
    return (await releaseFields(deps, fields)).id;
  };
  /** Releases a cable and waits until the plain reader's stream has heard of it: what came before has reached it. */
  const marker = async () => {
    const id = await release();
    await eventually(`the reader hears of ${id}`, async () =>
      plain.heard.some((e) => e.type === "cable.released" && e.cableId === id),
    );
    return id;
  };

  beforeAll(async () => {
    world = await openSiteWorld("sqlite", NATS_BASE, ["STATE", "PANAMA"]);
    const { store } = hq();
    for (const [username, roles] of [
      ["comms", ["reader", "communicator"]],
      ["reader", ["reader"]],
    ] as const) {
      await createUser({ store, clock: systemClock }, SYSTEM_ACTING, {
        username,
        roles: [...roles],
        clearance: "SECRET",
        post: "STATE",
        password: PASSWORD,
      });
    }
    app = await buildApp({ store, signInLimit: { max: 1000, timeWindow: 60_000 }, messaging: { senders: [] } });
    await app.listen({ port: HTTP_PORT, host: "127.0.0.1" });
    // Headquarters' node publishes on the app's bus, as `cablegram serve` runs it.
    await hq().stop();
    await (await world.startNode("STATE", store, app.messaging.bus)).link.ready();
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/events`;
    const { cookieOf } = signInCookies(app);
    comms = await listen(url, await cookieOf("comms"));
    plain = await listen(url, await cookieOf("reader"));
  }, 90_000);
  afterAll(async () => {
    await comms?.close();
    await plain?.close();
    await app?.close();
    await world?.close();
  });

  it("tells a communicator when Panama stores a copy, in counts that name no cable, and a plain reader nothing", async () => {
    const id = await release("NIACT IMMEDIATE");
    await eventually("the communicator hears Panama stored the copy", async () =>
      trafficOf(comms).some((n) => copiesMoved(n, "PANAMA", "stored") >= 1),
    );
    const news = trafficOf(comms);
    expect(news.every((n) => n.here === "STATE")).toBe(true);
    expect(news.some((n) => copiesMoved(n, "PANAMA", "sent") === 1)).toBe(true);
    const frames = comms.raw.filter((f) => f.includes("event: site.traffic"));
    expect(frames.length).toBeGreaterThan(0);
    for (const frame of frames) expect(frame).not.toContain(id);
    for (const e of comms.heard.filter((h) => h.type === "site.traffic")) expect(e.cableId).toBeUndefined();

    await marker();
    expect(plain.heard.filter((e) => e.type === "cable.released").length).toBeGreaterThanOrEqual(2);
    expect(trafficOf(plain)).toEqual([]);
  });

  it("tells a communicator when headquarters' link drops, what waits meanwhile, and when it returns; a reader nothing", async () => {
    const from = comms.heard.length;
    await world.net.stopLeaf("STATE");
    await eventually("the communicator hears the link is down", async () =>
      trafficOf(comms, from).some((n) => n.link === "down"),
    );
    const waiting = await marker();
    await eventually("the communicator hears a copy waits for Panama", async () =>
      trafficOf(comms, from).some((n) => copiesMoved(n, "PANAMA", "queued") >= 1),
    );
    expect(trafficOf(plain)).toEqual([]);

    await world.net.startLeaf("STATE");
    await eventually(
      "the communicator hears the link is up and Panama stored what waited",
      async () => {
        const after = trafficOf(comms, from);
        return after.some((n) => n.link === "up") && after.some((n) => copiesMoved(n, "PANAMA", "stored") >= 1);
      },
      30_000,
    );
    await eventually(`the reader hears of ${waiting} and nothing of the traffic`, async () =>
      plain.heard.some((e) => e.cableId === waiting),
    );
    await marker();
    expect(trafficOf(plain)).toEqual([]);
  });

  it("tells a catch-up of many copies in a few events, never one per copy", async () => {
    const copies = 25;
    await world.net.stopLeaf("STATE");
    await eventually("headquarters' link is down", async () => !hq().link.connected());
    for (let i = 0; i < copies; i++) await release("ROUTINE");
    const from = comms.heard.length;
    await world.net.startLeaf("STATE");
    await eventually(
      `Panama has stored all ${copies} copies`,
      async () => trafficOf(comms, from).reduce((n, news) => n + copiesMoved(news, "PANAMA", "stored"), 0) >= copies,
      30_000,
    );
    const after = trafficOf(comms, from);
    const sent = after.filter((n) => copiesMoved(n, "PANAMA", "sent") > 0);
    const stored = after.filter((n) => copiesMoved(n, "PANAMA", "stored") > 0);
    // Every copy was sent; Panama's hello, if headquarters reads it after its first pass, sends the copies not yet
    // stored once more (receipts.ts), so a copy may be told sent twice, never more.
    const sentCopies = sent.reduce((n, news) => n + copiesMoved(news, "PANAMA", "sent"), 0);
    expect(sentCopies).toBeGreaterThanOrEqual(copies);
    expect(sentCopies).toBeLessThanOrEqual(2 * copies);
    // A pass or round tells all it moved at once; a loaded machine may split the catch-up over a few of them.
    expect(sent.length).toBeLessThanOrEqual(5);
    expect(stored.length).toBeLessThanOrEqual(8);
  });
});
