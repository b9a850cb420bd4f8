// Headquarters restored from a backup older than its last receipt (on SQLite, with real nats-server processes):
// Panama's node still holds what headquarters lost, and tells it on headquarters' hello. Nothing is lost, nothing
// is delivered twice, no copy stays in transit forever, and a resend is a duplicate.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyChain } from "../src/services/chain/index.ts";
import { systemClock } from "../src/services/clock.ts";
import { trackCable } from "../src/services/sites/site-traffic.ts";
import { openStore } from "../src/store/open-store.ts";
import { releaseFields, seedFields } from "./helpers/distribution-fixtures.ts";
import { eventually, openSiteWorld, sendAgain, type SiteWorld } from "./helpers/site-world.ts";

describe("headquarters restored from a backup older than its last receipt", () => {
  let world: SiteWorld;
  const folders: string[] = [];
  const node = (site: string) => world.nodes.get(site)!;
  const hq = () => node("STATE").store;
  const panama = () => node("PANAMA").store;
  const before: string[] = [];
  const inTransit: string[] = [];
  const lost: string[] = [];

  const release = async (n: number, into: string[]) => {
    for (let i = 0; i < n; i++) {
      const { id } = await releaseFields(
        { store: hq(), clock: systemClock, kick: () => node("STATE").link.kick() },
        seedFields("08STATE16245", { to: [{ name: "AMEMBASSY PANAMA", precedence: "IMMEDIATE" }], info: [] }),
      );
      into.push(id);
    }
  };
  const states = async (ids: string[]) => {
    const rows = await hq()
      .db.selectFrom("site_copies")
      .select(["cable_id", "state"])
      .where("cable_id", "in", ids)
      .where("site", "=", "PANAMA")
      .execute();
    return rows;
  };
  const allDelivered = async (ids: string[]) => {
    const rows = await states(ids);
    return rows.length === ids.length && rows.every((r) => r.state === "delivered");
  };
  const inboxCopies = async (ids: string[]) =>
    panama()
      .db.selectFrom("deliveries")
      .select("cable_id")
      .where("cable_id", "in", ids)
      .where("post", "=", "AMEMBASSY PANAMA")
      .execute();
  /**
   * Stops headquarters' node and moves its folder (database, search index, chain key and trust file) to a copy of
   * its own, as an operator's whole-folder backup would be; answers the copy's folder.
   */
  const stopHq = async (): Promise<string> => {
    const store = hq();
    await node("STATE").stop();
    const copy = mkdtempSync(join(tmpdir(), "cg-hq-"));
    folders.push(copy);
    cpSync(dirname(store.sqlite!.name), copy, { recursive: true });
    await store.close();
    return copy;
  };
  const startHq = async (folder: string) => {
    const store = await openStore({ dialect: "sqlite", file: join(folder, "cablegram.db") });
    const started = await world.startNode("STATE", store);
    await started.link.ready();
  };

  beforeAll(async () => {
    world = await openSiteWorld("sqlite", 23650, ["STATE", "PANAMA"]);
    await release(3, before);
    await eventually("headquarters tracks the first three into Panama's inbox", () => allDelivered(before));
    // Three more in transit: Panama's link is cut, so headquarters has sent them and heard nothing back.
    await world.net.stopLeaf("PANAMA");
    await release(3, inTransit);
    await eventually("headquarters has sent the three", async () =>
      (await states(inTransit)).every((r) => r.state === "sent"),
    );
    // The backup, taken cleanly with headquarters' node stopped.
    const live = await stopHq();
    const backup = mkdtempSync(join(tmpdir(), "cg-hq-backup-"));
    folders.push(backup);
    cpSync(live, backup, { recursive: true });
    await startHq(live);
    await world.net.startLeaf("PANAMA");
    await eventually("Panama holds the three in transit", async () => (await inboxCopies(inTransit)).length === 3);
    // Released after the backup: headquarters will lose these with its database.
    await release(4, lost);
    await eventually("headquarters tracks everything into Panama's inbox", () =>
      allDelivered([...before, ...inTransit, ...lost]),
    );
    // The restore: headquarters' folder replaced by the older backup; its NATS store is kept.
    await stopHq();
    const restored = await openStore({ dialect: "sqlite", file: join(backup, "cablegram.db") });
    expect(await restored.db.selectFrom("cables").select("id").where("id", "in", lost).execute()).toEqual([]);
    const held = await restored.db
      .selectFrom("site_copies")
      .select("state")
      .where("cable_id", "in", inTransit)
      .execute();
    expect(held.map((r) => r.state)).toEqual(["sent", "sent", "sent"]);
    await restored.close();
    await startHq(backup);
  }, 120_000);
  afterAll(async () => {
    await world?.close();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it("shows no copy in transit forever: the receipts it lost are told again", async () => {
    await eventually("headquarters tracks the copies that were in transit as delivered", () => allDelivered(inTransit));
    const [copy] = await trackCable(hq(), inTransit[0]!, new Date());
    expect(copy).toMatchObject({ state: "delivered", site: "PANAMA" });
    expect(copy!.storedAt).not.toBeNull();
  }, 30_000);

  it("takes back the releases it lost from Panama: archived, chained and tracked again", async () => {
    await eventually("headquarters tracks its lost releases again", () => allDelivered(lost));
    const archived = await hq().db.selectFrom("cables").select("id").where("id", "in", lost).execute();
    expect(archived.map((c) => c.id).sort()).toEqual([...lost].sort());
    expect(await verifyChain(hq())).toMatchObject({ ok: true });
  }, 30_000);

  it("delivered each cable to Panama's inbox once, and a resend is a duplicate", async () => {
    const all = [...before, ...inTransit, ...lost];
    const copy = await hq()
      .db.selectFrom("site_copies")
      .select("id")
      .where("cable_id", "=", lost[0]!)
      .executeTakeFirstOrThrow();
    await sendAgain(hq(), copy.id);
    node("STATE").link.kick();
    await eventually("the resent copy is stored there again", async () => {
      const [row] = await states([lost[0]!]);
      return row?.state !== "queued" && row?.state !== "sent";
    });
    await node("PANAMA").link.drain();
    const inbox = await inboxCopies(all);
    expect(inbox).toHaveLength(all.length);
    expect(new Set(inbox.map((r) => r.cable_id)).size).toBe(all.length);
  }, 30_000);

  it("numbers a new release past what it lost, so it reaches Panama as a new copy", async () => {
    const next: string[] = [];
    await release(1, next);
    expect(lost).not.toContain(next[0]);
    const seqs = await hq()
      .db.selectFrom("site_copies")
      .select(["cable_id", "seq"])
      .where("site", "=", "PANAMA")
      .execute();
    const newest = Number(seqs.find((s) => s.cable_id === next[0])!.seq);
    expect(newest).toBeGreaterThan(Math.max(...seqs.filter((s) => s.cable_id !== next[0]).map((s) => Number(s.seq))));
    await eventually("Panama's inbox holds the new cable", async () => (await inboxCopies(next)).length === 1);
  }, 30_000);
});
