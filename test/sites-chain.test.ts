// A post's node chains the cables it receives as they arrive, like any cable it archives: its own verify covers
// them, stays intact through arrivals and resends, and names a received cable altered afterwards.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../src/services/clock.ts";
import { prepareChain, verifyChain } from "../src/services/chain/index.ts";
import { readTrust, trustFileOf } from "../src/services/chain/trust-file.ts";
import { alteredVerdict } from "./helpers/chain-verdict.ts";
import { releaseFields, seedFields } from "./helpers/distribution-fixtures.ts";
import { eventually, openSiteWorld, sendAgain, type SiteWorld } from "./helpers/site-world.ts";

describe("cables a post receives are in its own hash chain", () => {
  let world: SiteWorld;
  const node = (site: string) => world.nodes.get(site)!;
  const released: string[] = [];

  beforeAll(async () => {
    world = await openSiteWorld("sqlite", 23600, ["STATE", "PANAMA"]);
    // As a server start does: Panama's key and trust file, before anything arrives.
    await prepareChain(node("PANAMA").store);
    for (const precedence of ["ROUTINE", "FLASH", "NIACT IMMEDIATE"] as const) {
      const { id } = await releaseFields(
        { store: node("STATE").store, clock: systemClock, kick: () => node("STATE").link.kick() },
        seedFields("08STATE16245", { to: [{ name: "AMEMBASSY PANAMA", precedence }], info: [] }),
      );
      released.push(id);
    }
    await eventually("Panama holds the three cables", async () => {
      const rows = await node("PANAMA").store.db.selectFrom("site_arrivals").select("cable_id").execute();
      return rows.length === released.length;
    });
  }, 60_000);
  afterAll(async () => world?.close());

  it("verifies intact after the arrivals, each received cable chained, the trust file's head moved on", async () => {
    const panama = node("PANAMA").store;
    const verdict = await verifyChain(panama);
    expect(verdict).toMatchObject({ ok: true, status: "intact", cables: released.length });
    const chained = await panama.db.selectFrom("chain_cables").select("cable_id").execute();
    expect(chained.map((c) => c.cable_id).sort()).toEqual([...released].sort());
    expect(readTrust(trustFileOf(panama)!)).toMatchObject({ links: verdict.links, head: verdict.head });
  });

  it("chains nothing again when a copy is sent again", async () => {
    const panama = node("PANAMA").store;
    const before = await verifyChain(panama);
    const copy = await node("STATE")
      .store.db.selectFrom("site_copies")
      .select("id")
      .where("cable_id", "=", released[0]!)
      .executeTakeFirstOrThrow();
    await sendAgain(node("STATE").store, copy.id);
    node("STATE").link.kick();
    await eventually("headquarters has sent it again", async () => {
      const row = await node("STATE")
        .store.db.selectFrom("site_copies")
        .select(["state", "attempt"])
        .where("id", "=", copy.id)
        .executeTakeFirstOrThrow();
      return Number(row.attempt) === 1 && row.state !== "queued" && row.state !== "sent";
    });
    expect(await verifyChain(panama)).toMatchObject({ ok: true, links: before.links, cables: released.length });
  });

  it("names a received cable whose stored rows were altered", async () => {
    const panama = node("PANAMA").store;
    const target = released[1]!;
    await sql`UPDATE cables SET subject = 'FORGED' WHERE id = ${target}`.execute(panama.db);
    expect(await verifyChain(panama)).toMatchObject(alteredVerdict(target, expect.stringContaining("subject")));
  });
});
