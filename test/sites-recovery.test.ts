// Exactly once, nothing lost, across failures, with real nats-server processes and Panama's node as its own
// process (`cablegram serve` with CABLEGRAM_SITE): killed with SIGKILL in the middle of a burst and started again;
// the hub restarted while traffic is queued; and Panama's database restored from a copy older than its last
// receipt, after which headquarters sends again what the copy lacks.
import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PRECEDENCES, type Precedence } from "../src/core/index.ts";
import { systemClock } from "../src/services/clock.ts";
import { releaseFields, seedFields } from "./helpers/distribution-fixtures.ts";
import { eventually, openSiteWorld, type SiteWorld } from "./helpers/site-world.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

describe("sites across failures (headquarters on PostgreSQL, Panama its own process)", () => {
  let world: SiteWorld;
  let panama: ChildProcess | null = null;
  let dataDir: string;
  const released: string[] = [];
  const hq = () => world.nodes.get("STATE")!;
  const deps = () => ({ store: hq().store, clock: systemClock, kick: () => hq().link.kick() });
  const dbFile = () => join(dataDir, "cablegram.db");

  const startPanama = async () => {
    const leaf = world.net.sites.get("PANAMA")!;
    const child = spawn(process.execPath, ["bin/cablegram.js", "serve"], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        PORT: "0",
        HOST: "127.0.0.1",
        CABLEGRAM_DATA_DIR: dataDir,
        CABLEGRAM_IMPORT: "none",
        CABLEGRAM_ADMIN_PASSWORD: "panama-admin-password-1",
        CABLEGRAM_SITE: "PANAMA",
        CABLEGRAM_SITES: world.sites.join(","),
        CABLEGRAM_NATS_URL: leaf.url,
        CABLEGRAM_NATS_USER: leaf.user,
        CABLEGRAM_NATS_PASSWORD: leaf.password,
        CABLEGRAM_SITE_ACK_WAIT_SECONDS: "1.5",
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    panama = child;
    let stderr = "";
    child.stderr!.on("data", (c: Buffer) => (stderr += c.toString()));
    await eventually(
      "Panama's node has its tables",
      async () => {
        if (child.exitCode !== null) throw new Error(`Panama's node exited: ${stderr}`);
        return arrivals() >= 0;
      },
      60_000,
    );
  };
  const stopPanama = async (signal: NodeJS.Signals) => {
    const child = panama!;
    panama = null;
    if (child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill(signal);
    });
  };
  /** Rows of a query on Panama's database, read beside its running node; -1 while the file is not made. */
  const onPanama = <T>(query: string): T[] | null => {
    if (!existsSync(dbFile())) return null;
    const db = new BetterSqlite3(dbFile(), { readonly: true, fileMustExist: true });
    try {
      return db.prepare(query).all() as T[];
    } catch {
      return null;
    } finally {
      db.close();
    }
  };
  const arrivals = () => onPanama<{ n: number }>("SELECT count(*) AS n FROM site_arrivals")?.[0]?.n ?? -1;
  const inboxCopies = () =>
    onPanama<{ cable_id: string; n: number }>(
      "SELECT cable_id, count(*) AS n FROM deliveries WHERE post = 'AMEMBASSY PANAMA' GROUP BY cable_id",
    ) ?? [];
  const release = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const precedence: Precedence = PRECEDENCES[i % PRECEDENCES.length]!;
      const { id } = await releaseFields(
        deps(),
        seedFields("08STATE16245", { to: [{ name: "AMEMBASSY PANAMA", precedence }], info: [] }),
      );
      released.push(id);
    }
  };
  /** Every cable released so far is in Panama's inbox exactly once. */
  const everyCopyOnce = async () => {
    await eventually(
      `Panama holds all ${released.length}`,
      async () => arrivals() === released.length && inboxCopies().length === released.length,
      40_000,
    );
    const copies = inboxCopies();
    expect(copies.every((c) => c.n === 1)).toBe(true);
    expect(new Set(copies.map((c) => c.cable_id))).toEqual(new Set(released));
  };

  beforeAll(async () => {
    world = await openSiteWorld("postgres", 22400, ["STATE", "PANAMA"]);
    // Panama's node in this process gives way to the real one.
    const inProcess = world.nodes.get("PANAMA")!;
    await inProcess.stop();
    await inProcess.store.close();
    world.nodes.delete("PANAMA");
    dataDir = join(world.dir, "panama-data");
    await startPanama();
  }, 90_000);
  afterAll(async () => {
    if (panama) await stopPanama("SIGTERM");
    await world?.close();
  });

  it("delivers every copy once after Panama's node is killed in the middle of a burst", async () => {
    const burst = release(40);
    await eventually("Panama has taken some of the burst", async () => arrivals() >= 3, 30_000);
    await stopPanama("SIGKILL");
    await burst;
    await startPanama();
    await everyCopyOnce();
  }, 120_000);

  it("delivers what was queued while the hub was down, once", async () => {
    await world.net.stopHub();
    await release(10);
    await world.net.startHub();
    await everyCopyOnce();
  }, 60_000);

  it("sends again what Panama lost when its database is restored from an older copy", async () => {
    // The copy: taken cleanly, with Panama's node stopped, as an operator's backup would be.
    await stopPanama("SIGTERM");
    const backup = join(world.dir, "panama-backup.db");
    const db = new BetterSqlite3(dbFile());
    await db.backup(backup);
    db.close();
    const search = dbFile().replace(/\.db$/, "-search.db");
    if (existsSync(search)) copyFileSync(search, `${backup}-search`);
    await startPanama();
    await release(10);
    await everyCopyOnce();
    // Headquarters has Panama's receipts for those ten; the restored database will not hold them.
    await stopPanama("SIGTERM");
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${dbFile()}${suffix}`, { force: true });
    copyFileSync(backup, dbFile());
    if (existsSync(`${backup}-search`)) copyFileSync(`${backup}-search`, search);
    expect(arrivals()).toBe(released.length - 10);
    await startPanama();
    await everyCopyOnce();
  }, 120_000);
});
