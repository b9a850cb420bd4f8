// Headquarters restored from a backup taken before its last releases, on SQLite and on PostgreSQL, with real
// nats-server processes and three sites. Panama is unreachable when headquarters starts again, so a cable released
// at once goes out before Panama has answered: Paris's answer gives the lost releases back (archived, delivered to
// headquarters' own posts and tasked again), the new cable reaches Paris at once, and its copy to Panama is held
// until Panama answers, then numbered past the channel numbers Panama already holds.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Precedence } from "../src/core/index.ts";
import { systemClock } from "../src/services/clock.ts";
import { applyReceipts } from "../src/services/sites/receipts.ts";
import { resyncAnswer } from "../src/services/sites/resync.ts";
import { trackCable } from "../src/services/sites/site-traffic.ts";
import { openStore, type Dialect, type Store } from "../src/store/open-store.ts";
import { releaseFields, seedFields } from "./helpers/distribution-fixtures.ts";
import { eventually, openSiteWorld, type SiteWorld } from "./helpers/site-world.ts";
import { PG_URL, pgAdmin, testSchemaName } from "./helpers/test-stores.ts";

/** A whole-store backup: SQLite's folder copied, or PostgreSQL's schema dumped into a schema of its own. */
type Backup = { open(): Promise<Store>; remove(): Promise<void> };

async function backUp(dialect: Dialect, store: Store): Promise<Backup> {
  const keys = mkdtempSync(join(tmpdir(), "cg-resync-keys-"));
  if (dialect === "sqlite") {
    const folder = mkdtempSync(join(tmpdir(), "cg-resync-hq-"));
    cpSync(dirname(store.sqlite!.name), folder, { recursive: true });
    rmSync(keys, { recursive: true, force: true });
    return {
      open: () => openStore({ dialect, file: join(folder, "cablegram.db") }),
      remove: async () => rmSync(folder, { recursive: true, force: true }),
    };
  }
  cpSync(store.keys.dir!, keys, { recursive: true });
  const { rows } = await sql<{ s: string }>`select current_schema() as s`.execute(store.db);
  const live = rows[0]!.s;
  const copy = testSchemaName("resync_backup");
  const dump = execFileSync("pg_dump", ["--no-owner", "--no-privileges", "-n", live, PG_URL], {
    maxBuffer: 256 * 1024 * 1024,
  }).toString();
  execFileSync("psql", ["-q", "-v", "ON_ERROR_STOP=1", PG_URL], { input: dump.split(live).join(copy) });
  return {
    open: () => openStore({ dialect, url: PG_URL, schema: copy, keys: { dir: keys } }),
    remove: async () => {
      await pgAdmin(`DROP SCHEMA IF EXISTS "${copy}" CASCADE`);
      rmSync(keys, { recursive: true, force: true });
    },
  };
}

const DUE = "2030-01-01T12:00:00.000Z";

describe.each([
  ["sqlite", 24100],
  ["postgres", 24130],
] as const)("%s: headquarters restored from an older backup releases before Panama has answered", (dialect, port) => {
  let world: SiteWorld;
  let backup: Backup | null = null;
  const node = (site: string) => world.nodes.get(site)!;
  const hq = () => node("STATE").store;
  const before: string[] = [];
  const lost: string[] = [];
  const fresh: string[] = [];
  let deliveriesBefore: string[] = [];
  let tasksBefore: string[] = [];

  /** A demarche to Panama and Pretoria (served by headquarters) for action, Paris for information, with a task. */
  const release = async (into: string[], precedence: Precedence = "NIACT IMMEDIATE") => {
    const { id } = await releaseFields(
      { store: hq(), clock: systemClock, kick: () => node("STATE").link.kick() },
      seedFields("08STATE16245", {
        to: [
          { name: "AMEMBASSY PANAMA", precedence },
          { name: "AMEMBASSY PRETORIA", precedence },
        ],
        info: [{ name: "AMEMBASSY PARIS", precedence: "ROUTINE" }],
        actionRequests: [{ what: "Deliver the demarche and report the response", posts: [], due: DUE }],
      }),
    );
    into.push(id);
  };
  const tracked = async (ids: string[], site: string) =>
    hq()
      .db.selectFrom("site_copies")
      .select(["cable_id", "state", "seq"])
      .where("cable_id", "in", ids)
      .where("site", "=", site)
      .execute();
  const allDelivered = async (ids: string[]) => {
    for (const site of ["PANAMA", "PARIS"]) {
      const rows = await tracked(ids, site);
      if (rows.length !== ids.length || rows.some((r) => r.state !== "delivered")) return false;
    }
    return true;
  };
  /** Headquarters' own deliveries of `ids`: post, office, role, one line each. */
  const hqDeliveries = async (ids: string[]) =>
    (
      await hq()
        .db.selectFrom("deliveries")
        .select(["cable_id", "post", "office", "role"])
        .where("cable_id", "in", ids)
        .execute()
    )
      .map((d) => `${d.cable_id} ${d.post} ${d.office} ${d.role}`)
      .sort();
  const hqTasks = async (ids: string[]) =>
    (
      await hq()
        .db.selectFrom("tasks")
        .select(["cable_id", "post", "what", "due"])
        .where("cable_id", "in", ids)
        .execute()
    )
      .map((t) => `${t.cable_id} ${t.post} ${t.what} ${new Date(t.due).toISOString()}`)
      .sort();
  const arrivalsAt = async (site: string) =>
    node(site)
      .store.db.selectFrom("site_arrivals")
      .select(["cable_id", "seq"])
      .where("origin", "=", "STATE")
      .orderBy("seq")
      .execute();
  const inboxAt = async (site: string, post: string) =>
    node(site).store.db.selectFrom("deliveries").select("cable_id").where("post", "=", post).execute();

  beforeAll(async () => {
    world = await openSiteWorld(dialect, port, ["STATE", "PANAMA", "PARIS"], 200, 5000);
    await release(before);
    await release(before);
    await eventually("headquarters tracks the first two into both inboxes", () => allDelivered(before));
    // The backup, taken cleanly with headquarters' node stopped; the node then goes on on its live store.
    await node("STATE").stop();
    backup = await backUp(dialect, hq());
    await (await world.startNode("STATE", hq())).link.ready();
    for (let i = 0; i < 3; i++) await release(lost);
    await eventually("headquarters tracks the three it will lose into both inboxes", () => allDelivered(lost));
    await eventually("headquarters' own posts have their copies of them", async () =>
      (await hq().db.selectFrom("deliveries").select("state").where("cable_id", "in", lost).execute()).every(
        (d) => d.state === "delivered",
      ),
    );
    deliveriesBefore = await hqDeliveries(lost);
    tasksBefore = await hqTasks(lost);
    // The restore: the live store closed for good, the backup opened in its place, while Panama is unreachable.
    const live = hq();
    await node("STATE").stop();
    await live.close();
    await world.net.stopLeaf("PANAMA");
    const restored = await backup.open();
    expect(await restored.db.selectFrom("cables").select("id").where("id", "in", lost).execute()).toEqual([]);
    const started = await world.startNode("STATE", restored);
    await started.link.resyncMarked();
    // Released at once: before Panama can answer the hello.
    await release(fresh, "IMMEDIATE");
  }, 180_000);
  afterAll(async () => {
    await world?.close();
    await backup?.remove();
  });

  it("numbers the new release past the releases it lost, which Paris has given back", async () => {
    expect(lost).not.toContain(fresh[0]);
    const archived = await hq().db.selectFrom("cables").select("id").where("id", "in", lost).execute();
    expect(archived.map((c) => c.id).sort()).toEqual([...lost].sort());
  });

  it("sends the new cable to Paris at once, and holds its copy to Panama, marked as waiting for resync", async () => {
    await eventually("Paris has the new cable in its inbox", async () =>
      (await inboxAt("PARIS", "AMEMBASSY PARIS")).some((d) => d.cable_id === fresh[0]),
    );
    const copies = await trackCable(hq(), fresh[0]!, new Date());
    expect(copies.find((c) => c.site === "PANAMA")).toMatchObject({ state: "queued", heldFor: "resync" });
    expect(copies.find((c) => c.site === "PARIS")?.heldFor).toBeNull();
  }, 30_000);

  it("gives headquarters' own side of the lost releases back once, though two sites gave them back", async () => {
    await world.net.startLeaf("PANAMA");
    await eventually("headquarters tracks every copy as delivered", () => allDelivered([...before, ...lost, ...fresh]));
    await eventually(
      "headquarters' posts have their copies of the lost releases",
      async () => (await hqDeliveries(lost)).length === deliveriesBefore.length,
    );
    expect(deliveriesBefore.length).toBeGreaterThan(0);
    expect(await hqDeliveries(lost)).toEqual(deliveriesBefore);
    expect(tasksBefore.length).toBe(lost.length * 2);
    expect(await hqTasks(lost)).toEqual(tasksBefore);
    // The same answer applied again changes nothing.
    const answer = await resyncAnswer(node("PANAMA").store, "PANAMA", "STATE", { sent: 2, settled: 2 });
    const given = answer.flatMap((r) => r.recovered ?? []).map((c) => c.cable.id);
    expect(given).toEqual(expect.arrayContaining(lost));
    await applyReceipts(hq(), "STATE", answer);
    expect(await hqDeliveries(lost)).toEqual(deliveriesBefore);
    expect(await hqTasks(lost)).toEqual(tasksBefore);
  }, 60_000);

  it("leaves Panama with every cable once, under distinct channel numbers with no gap", async () => {
    const all = [...before, ...lost, ...fresh];
    await eventually("Panama's inbox holds the new cable", async () =>
      (await inboxAt("PANAMA", "AMEMBASSY PANAMA")).some((d) => d.cable_id === fresh[0]),
    );
    await node("PANAMA").link.drain();
    const inbox = (await inboxAt("PANAMA", "AMEMBASSY PANAMA")).map((d) => d.cable_id);
    expect(inbox.sort()).toEqual([...all].sort());
    const arrivals = await arrivalsAt("PANAMA");
    expect(arrivals.map((a) => a.cable_id).sort()).toEqual([...all].sort());
    expect(arrivals.map((a) => Number(a.seq))).toEqual(all.map((_, i) => i + 1));
    const seqs = await tracked(all, "PANAMA");
    expect(Number(seqs.find((s) => s.cable_id === fresh[0])!.seq)).toBe(all.length);
    expect((await arrivalsAt("PARIS")).map((a) => a.cable_id).sort()).toEqual([...all].sort());
  }, 60_000);

  it("asks again a site that is up but whose answer never came, so its copies are not held for good", async () => {
    // As if Panama's answer had been lost on the way, half a minute after the hello.
    await hq()
      .db.updateTable("site_resyncs")
      .set({ answered_at: null, asked_at: new Date(Date.now() - 60_000).toISOString() })
      .where("site", "=", "PANAMA")
      .execute();
    await eventually("Panama has answered again", async () => {
      const mark = await hq()
        .db.selectFrom("site_resyncs")
        .select("answered_at")
        .where("site", "=", "PANAMA")
        .executeTakeFirstOrThrow();
      return mark.answered_at !== null;
    });
  }, 30_000);
});
