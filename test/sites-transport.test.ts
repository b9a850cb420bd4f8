// Sites over NATS JetStream, with real nats-server processes on this file's ports: a release at headquarters
// reaches a post's own node once, with its own NIACT alert, and the receipts come back; posts release to
// headquarters and to each other; a post whose link is cut gets everything once, FLASH first, when it returns;
// a post cannot read another post's traffic.
import { connect } from "nats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  copyConsumer,
  inboxPrefixOf,
  outboxStream,
  PRECEDENCES,
  precedenceRank,
  type Precedence,
} from "../src/core/index.ts";
import { systemClock } from "../src/services/clock.ts";
import { siteTraffic, trackCable } from "../src/services/sites/site-traffic.ts";
import type { Store } from "../src/store/open-store.ts";
import { releaseFields, seedFields } from "./helpers/distribution-fixtures.ts";
import { eventually, openSiteWorld, type SiteWorld } from "./helpers/site-world.ts";
import { DIALECTS } from "./helpers/test-stores.ts";

const addressee = (name: string, precedence: Precedence) => ({ name, precedence });

async function deliveriesOf(store: Store, cableId: string, post: string) {
  return store.db
    .selectFrom("deliveries")
    .selectAll()
    .where("cable_id", "=", cableId)
    .where("post", "=", post)
    .execute();
}

async function copyOf(store: Store, cableId: string, site: string) {
  return store.db
    .selectFrom("site_copies")
    .selectAll()
    .where("cable_id", "=", cableId)
    .where("site", "=", site)
    .executeTakeFirst();
}

async function count(store: Store, table: "site_arrivals" | "deliveries" | "cables"): Promise<number> {
  const row = await store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe.each(DIALECTS.map((d, i) => [d, 22100 + i * 100] as const))(
  "sites with headquarters on %s",
  (dialect, basePort) => {
    let world: SiteWorld;
    const node = (site: string) => world.nodes.get(site)!;
    const hq = () => node("STATE").store;
    const deps = () => ({ store: hq(), clock: systemClock, kick: () => node("STATE").link.kick() });

    beforeAll(async () => {
      world = await openSiteWorld(dialect, basePort);
    }, 30_000);
    afterAll(async () => world?.close());

    it("carries a NIACT demarche from headquarters to Panama's own node, which alerts its duty officer and says so back", async () => {
      const { id } = await releaseFields(
        deps(),
        seedFields("08STATE16245", { to: [addressee("AMEMBASSY PANAMA", "NIACT IMMEDIATE")], info: [] }),
      );
      const panama = node("PANAMA").store;
      await eventually("Panama's inbox holds the copy", async () => {
        const rows = await deliveriesOf(panama, id, "AMEMBASSY PANAMA");
        return rows.length === 1 && rows[0]!.state === "delivered";
      });
      const alerts = await panama.db.selectFrom("alerts").selectAll().where("cable_id", "=", id).execute();
      expect(alerts).toMatchObject([{ post: "AMEMBASSY PANAMA", kind: "niact" }]);
      expect(await panama.db.selectFrom("cables").select("id").where("id", "=", id).execute()).toHaveLength(1);
      // Headquarters keeps no inbox copy of a post that has a node of its own: it tracks the copy instead.
      expect(await deliveriesOf(hq(), id, "AMEMBASSY PANAMA")).toHaveLength(0);
      await eventually("headquarters hears the copy was delivered", async () => {
        return (await copyOf(hq(), id, "PANAMA"))?.state === "delivered";
      });
      const copy = (await copyOf(hq(), id, "PANAMA"))!;
      expect(copy.sent_at! <= copy.stored_at! && copy.stored_at! <= copy.delivered_at!).toBe(true);
      // Paris is not an addressee: nothing goes there.
      expect(await copyOf(hq(), id, "PARIS")).toBeUndefined();
    });

    it("carries a post's cable to headquarters and to another post", async () => {
      const { id } = await releaseFields(
        { store: node("PANAMA").store, clock: systemClock, kick: () => node("PANAMA").link.kick() },
        seedFields("08STATE16245", {
          from: undefined,
          to: [addressee("SECSTATE WASHDC", "IMMEDIATE")],
          info: [addressee("AMEMBASSY PARIS", "ROUTINE")],
        }),
        "PANAMA",
      );
      expect(id).toMatch(/PANAMA/);
      await eventually("Paris's inbox holds the copy", async () => {
        return (await deliveriesOf(node("PARIS").store, id, "AMEMBASSY PARIS")).length === 1;
      });
      await eventually("headquarters' inbox holds the copy", async () => {
        return (await deliveriesOf(hq(), id, "SECSTATE WASHDC")).length === 1;
      });
      expect(await copyOf(node("PANAMA").store, id, "STATE")).toMatchObject({ precedence: "IMMEDIATE" });
    });

    it("keeps 100 cables for a post whose link is cut, then delivers each once, FLASH first", async () => {
      const panama = node("PANAMA").store;
      const before = await count(panama, "site_arrivals");
      await world.net.stopLeaf("PANAMA");
      const released: string[] = [];
      for (let i = 0; i < 100; i++) {
        // Released least urgent first, so a link worked in release order would deliver them backwards.
        const precedence = PRECEDENCES[PRECEDENCES.length - 1 - Math.floor(i / 20)]!;
        const { id } = await releaseFields(
          deps(),
          seedFields("08STATE16245", { to: [addressee("AMEMBASSY PANAMA", precedence)], info: [] }),
        );
        released.push(id);
      }
      await eventually("headquarters' stream holds all 100", async () => {
        const sent = await hq()
          .db.selectFrom("site_copies")
          .select("id")
          .where("cable_id", "in", released)
          .where("state", "=", "sent")
          .execute();
        return sent.length === 100;
      });
      await new Promise((r) => setTimeout(r, 300));
      expect(await count(panama, "site_arrivals")).toBe(before);
      // The communicator's page shows them held, in transit at headquarters, none refused.
      const traffic = await siteTraffic(hq(), new Date());
      expect(traffic.held.filter((c) => released.includes(c.cableId))).toHaveLength(100);
      expect(traffic.held[0]).toMatchObject({ precedence: "FLASH", state: "sent", site: "PANAMA" });
      expect(traffic.refused).toEqual([]);

      await world.net.startLeaf("PANAMA");
      await eventually(
        "Panama holds all 100",
        async () => (await count(panama, "site_arrivals")) === before + 100,
        30_000,
      );
      const arrivals = await panama.db
        .selectFrom("site_arrivals")
        .select(["cable_id", "precedence", "arrival"])
        .where("cable_id", "in", released)
        .orderBy("arrival")
        .execute();
      const ranks = arrivals.map((a) => precedenceRank(a.precedence as Precedence));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      expect(new Set(arrivals.map((a) => a.cable_id)).size).toBe(100);
      const inbox = await panama.db
        .selectFrom("deliveries")
        .select("cable_id")
        .where("cable_id", "in", released)
        .execute();
      expect(inbox).toHaveLength(100);
      await eventually("headquarters tracks each copy into Panama's inbox", async () => {
        const tracked = await Promise.all(released.map((id) => trackCable(hq(), id, new Date())));
        return tracked.every(([copy]) => copy?.deliveredAt != null);
      });
    }, 60_000);

    it("refuses a post that pulls another post's consumer or listens for its replies", async () => {
      const leaf = world.net.sites.get("PANAMA")!;
      // A compromised Panama node: it holds Panama's credentials, and tries for Paris's traffic.
      const spy = await connect({
        servers: leaf.url,
        user: leaf.user,
        pass: leaf.password,
        inboxPrefix: inboxPrefixOf("PANAMA"),
      });
      const overheard: string[] = [];
      // Replies to Paris's pulls from headquarters' outbox: Panama's own server answering Paris is Panama's own traffic.
      spy.subscribe(`${inboxPrefixOf("PARIS")}.>`, {
        callback: (_e, m) => (m.reply?.startsWith("$JS.ACK.OUTBOX_STATE.") ? overheard.push(m.subject) : undefined),
      });
      spy.subscribe("cablegram.copy.PARIS.>", { callback: (_e, m) => overheard.push(m.subject) });
      await node("PARIS").link.stop();
      try {
        const { id } = await releaseFields(
          deps(),
          seedFields("08STATE16245", { to: [addressee("AMEMBASSY PARIS", "FLASH")], info: [] }),
        );
        await eventually(
          "the copy for Paris waits at headquarters",
          async () => (await copyOf(hq(), id, "PARIS"))?.state === "sent",
        );
        const js = spy.jetstream({ domain: "STATE", timeout: 2000 });
        const stolen: string[] = [];
        await expect(
          (async () => {
            for await (const m of js.fetch(outboxStream("STATE"), copyConsumer("PARIS", "FLASH"), {
              batch: 10,
              expires: 1000,
            })) {
              stolen.push(m.subject);
            }
          })(),
        ).rejects.toThrow();
        // Nor can it delete Paris's consumer, or ask about it: no JetStream API but its own pulls reaches the hub.
        const api = `$JS.STATE.API.CONSUMER`;
        const consumer = `${outboxStream("STATE")}.${copyConsumer("PARIS", "FLASH")}`;
        await expect(spy.request(`${api}.DELETE.${consumer}`, undefined, { timeout: 1000 })).rejects.toThrow();
        await expect(spy.request(`${api}.INFO.${consumer}`, undefined, { timeout: 1000 })).rejects.toThrow();
        expect(stolen).toEqual([]);
        expect(overheard).toEqual([]);
        // Paris, back, gets its copy: Panama's attempts took nothing from its queue.
        const paris = await world.startNode("PARIS", node("PARIS").store);
        await paris.link.ready();
        await eventually(
          "Paris holds the copy",
          async () => (await deliveriesOf(paris.store, id, "AMEMBASSY PARIS")).length === 1,
        );
      } finally {
        await spy.close();
      }
    }, 30_000);
  },
);
