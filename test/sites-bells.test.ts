// A copy goes at once: the origin's bell wakes the destination, which pulls it without waiting for its beat, and
// the destination's bell brings the receipt back the same way. Here the beat is a minute long, so only bells move
// anything after the nodes' first pass.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../src/services/clock.ts";
import { releaseFields, seedFields } from "./helpers/distribution-fixtures.ts";
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
});
