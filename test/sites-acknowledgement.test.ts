// The last hop of message tracking: a person at the post acknowledges the copy in its inbox, and headquarters'
// tracking shows the copy acknowledged, when and by whom. The post reports acknowledgements on its beat; after its
// first pass it looks only at deliveries acknowledged lately, which must still find one made long after the copy
// arrived.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../src/services/clock.ts";
import { ackDelivery } from "../src/services/distribution/index.ts";
import type { Dialect } from "../src/store/open-store.ts";
import { releaseFields, seedFields } from "./helpers/distribution-fixtures.ts";
import { eventually, openSiteWorld, type SiteWorld } from "./helpers/site-world.ts";

describe.each<[Dialect, number]>([
  ["sqlite", 24300],
  ["postgres", 24330],
])("%s headquarters: an acknowledgement at the post", (dialect, port) => {
  let world: SiteWorld;
  const node = (site: string) => world.nodes.get(site)!;
  const copyAtHq = (id: string) =>
    node("STATE")
      .store.db.selectFrom("site_copies")
      .select(["state", "delivered_at", "acked_at", "acked_by"])
      .where("cable_id", "=", id)
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    world = await openSiteWorld(dialect, port, ["STATE", "PANAMA"]);
  }, 60_000);
  afterAll(async () => world?.close());

  it("reaches headquarters' tracking with its time and who made it, after the post's first full pass", async () => {
    const { id } = await releaseFields(
      { store: node("STATE").store, clock: systemClock, kick: () => node("STATE").link.kick() },
      seedFields("08STATE16245", { to: [{ name: "AMEMBASSY PANAMA", precedence: "NIACT IMMEDIATE" }], info: [] }),
    );
    await eventually("headquarters tracks the copy into Panama's inbox", async () => {
      return (await copyAtHq(id)).state === "delivered";
    });
    // Beats go by (200 ms each): the post's first full look at unacknowledged copies is long over.
    await new Promise((r) => setTimeout(r, 1000));
    const delivery = await node("PANAMA")
      .store.db.selectFrom("deliveries")
      .select("id")
      .where("cable_id", "=", id)
      .where("post", "=", "AMEMBASSY PANAMA")
      .executeTakeFirstOrThrow();
    const acked = await ackDelivery({ store: node("PANAMA").store, clock: systemClock }, null, delivery.id);
    await eventually("headquarters tracks the copy acknowledged", async () => {
      return (await copyAtHq(id)).state === "acknowledged";
    });
    const copy = await copyAtHq(id);
    expect(copy.acked_at).toBe(acked.acknowledgedAt);
    expect(copy.acked_by).toBe(acked.acknowledgedBy);
  }, 60_000);
});
