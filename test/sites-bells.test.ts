// A copy goes at once: the origin's bell wakes the destination, which pulls it without waiting for its beat, and
// the destination's bell brings the receipt back the same way. Here the beat is a minute long, so only bells move
// anything after the nodes' first pass. A bell says what waits (copies of which precedences, or receipts), and the
// node pulls only that; a bell that does not say makes it pull everything.
import { connect } from "nats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bellBody, bellSubject, copyMessageId, copySubject } from "../src/core/index.ts";
import { systemClock } from "../src/services/clock.ts";
import type { CopyPayload } from "../src/services/sites/index.ts";
import { parseTelegram } from "../src/telegram/index.ts";
import { releaseFields, seedFields } from "./helpers/distribution-fixtures.ts";
import { readSeed } from "./helpers/seeds.ts";
import { eventually, openSiteWorld, type SiteWorld } from "./helpers/site-world.ts";

describe("bells between sites", () => {
  let world: SiteWorld;
  const node = (site: string) => world.nodes.get(site)!;

  beforeAll(async () => {
    world = await openSiteWorld("sqlite", 23700, ["STATE", "PANAMA"], 60_000);
    // The nodes' first passes, on connecting, are over before anything is released.
    await Promise.all([node("STATE").link.drain(), node("PANAMA").link.drain()]);
  }, 60_000);
  afterAll(async () => world?.close());

  const heldAtPanama = async (id: string) =>
    (await node("PANAMA").store.db.selectFrom("site_arrivals").select("cable_id").where("cable_id", "=", id).execute())
      .length === 1;

  it("carries a FLASH cable to Panama and its receipt back within seconds, the beat a minute away", async () => {
    const started = Date.now();
    const { id } = await releaseFields(
      { store: node("STATE").store, clock: systemClock, kick: () => node("STATE").link.kick() },
      seedFields("08STATE16245", { to: [{ name: "AMEMBASSY PANAMA", precedence: "FLASH" }], info: [] }),
    );
    await eventually(
      "Panama holds the copy",
      async () =>
        (
          await node("PANAMA")
            .store.db.selectFrom("site_arrivals")
            .select("cable_id")
            .where("cable_id", "=", id)
            .execute()
        ).length === 1,
      5000,
    );
    await eventually(
      "headquarters hears it was stored",
      async () => {
        const copy = await node("STATE")
          .store.db.selectFrom("site_copies")
          .select("stored_at")
          .where("cable_id", "=", id)
          .executeTakeFirst();
        return copy?.stored_at != null;
      },
      5000,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 30_000);

  it("brings a FLASH and a ROUTINE cable released together, each bell naming its precedence", async () => {
    const deps = { store: node("STATE").store, clock: systemClock, kick: () => {} };
    const ids = [];
    for (const precedence of ["ROUTINE", "FLASH"] as const) {
      const fields = seedFields("08STATE16245", { to: [{ name: "AMEMBASSY PANAMA", precedence }], info: [] });
      ids.push((await releaseFields(deps, fields)).id);
    }
    node("STATE").link.kick();
    for (const id of ids) await eventually(`Panama holds ${id}`, () => heldAtPanama(id), 5000);
  }, 30_000);

  it("pulls only what a bell names, and everything on a bell that names nothing", async () => {
    // A copy put in headquarters' outbox stream by hand, as its node would, but without the node's bell.
    const cable = { ...parseTelegram(readSeed("08STATE16245")), id: "26STATE900001", serial: 900001 };
    const payload: CopyPayload = {
      v: 1,
      origin: "STATE",
      seq: 900001,
      precedence: "ROUTINE",
      cable,
      actionRequests: [],
    };
    const hq = world.net.sites.get("STATE")!;
    const nc = await connect({ servers: hq.url, user: hq.user, pass: hq.password, inboxPrefix: "_INBOX_STATE" });
    try {
      await nc.jetstream().publish(copySubject("PANAMA", "STATE", "ROUTINE"), JSON.stringify(payload), {
        msgID: copyMessageId(cable.id, "PANAMA", 0),
      });
      nc.publish(bellSubject("PANAMA", "STATE"), bellBody(["receipts"]));
      await new Promise((r) => setTimeout(r, 1500));
      expect(await heldAtPanama(cable.id)).toBe(false);
      nc.publish(bellSubject("PANAMA", "STATE"));
      await eventually("Panama holds the copy no bell named", () => heldAtPanama(cable.id), 5000);
    } finally {
      await nc.close();
    }
  }, 30_000);
});
