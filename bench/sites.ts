// bench:sites: headquarters and four post nodes (70 posts each) on one machine, linked over real nats-server
// processes. Release-to-remote-inbox latency of a 280-post release (p50/p99 over 100 releases), and a post's
// catch-up rate after a 10,000-copy backlog. `--dialect postgres` puts headquarters on PostgreSQL.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseSitePlan } from "../src/core/index.ts";
import { archiveCables } from "../src/services/archive/index.ts";
import { systemClock } from "../src/services/clock.ts";
import { loadDefaultDirectory } from "../src/services/directory/index.ts";
import { enqueueDeliveries, startDispatcher } from "../src/services/distribution/index.ts";
import { createEventBus } from "../src/services/events/event-bus.ts";
import { saveSitePlan, startLocalNetwork, startSiteNode } from "../src/services/sites/index.ts";
import { openStore, type Store } from "../src/store/open-store.ts";
import { parseTelegram } from "../src/telegram/index.ts";
import { readFileSync } from "node:fs";
import { percentiles, ms } from "./latency.ts";
import { describeMachine, loadLine } from "./machine.ts";

const dialect = process.argv.includes("--dialect") ? process.argv[process.argv.indexOf("--dialect") + 1] : "sqlite";
const PG = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const BASE = Number(process.env.BENCH_NATS_PORT ?? 42900);
const dir = mkdtempSync(join(tmpdir(), "cg-bench-sites-"));
const seed = parseTelegram(readFileSync("examples/08STATE16245.txt", "utf8"));

async function open(name: string, onPg: boolean): Promise<Store> {
  if (onPg) return openStore({ dialect: "postgres", url: PG, schema: `bench_sites_${process.pid}`, keys: { dir } });
  return openStore({ dialect: "sqlite", file: join(dir, name, "cablegram.db"), keys: { dir: join(dir, name) } });
}

const hqStore = await open("STATE", dialect === "postgres");
await loadDefaultDirectory(hqStore);
const stationRows = await hqStore.db
  .selectFrom("posts")
  .select(["name", "station"])
  .where("station", "is not", null)
  .where("station", "!=", "STATE")
  .orderBy("name")
  .limit(280)
  .execute();
const posts = ["P1", "P2", "P3", "P4"];
const stationsOf = (i: number) => stationRows.slice(i * 70, i * 70 + 70).map((r) => r.station!);
const siteList = ["STATE", ...posts.map((p, i) => `${p}:${stationsOf(i).join("+")}`)].join(",");
const net = await startLocalNetwork({ dir: join(dir, "nats"), basePort: BASE, sites: ["STATE", ...posts] });
const nodes = [];
for (const site of ["STATE", ...posts]) {
  const store = site === "STATE" ? hqStore : await open(site, false);
  if (site !== "STATE") await loadDefaultDirectory(store);
  const plan = parseSitePlan(site, siteList);
  await saveSitePlan(store, plan);
  const dispatcher = startDispatcher({ store, clock: systemClock, bus: createEventBus({ store }), senders: [] });
  const leaf = net.sites.get(site)!;
  const link = startSiteNode({
    store,
    clock: systemClock,
    settings: { plan, natsUrl: leaf.url, user: leaf.user, password: leaf.password, ackWaitMs: 30_000, pollMs: 1000 },
    onStored: () => dispatcher.kick(),
  });
  nodes.push({ site, store, dispatcher, link });
}
await Promise.all(nodes.map((n) => n.link.ready()));
const hq = nodes[0]!;
let serial = 500_000;
const cableTo = (names: string[]) => ({
  ...seed,
  id: `26STATE${++serial}`,
  serial,
  to: names.map((name) => ({ route: null, name, office: null, precedence: "IMMEDIATE" as const, mcn: null })),
  info: [],
});
/** Whether a node has the cable's copies, every one of them delivered to its inbox. */
const inInbox = async (store: Store, id: string) => {
  const rows = await store.db.selectFrom("deliveries").select("state").where("cable_id", "=", id).execute();
  return rows.length > 0 && rows.every((r) => r.state === "delivered");
};

console.log(`bench:sites, headquarters on ${dialect}; ${describeMachine()}`);
const names = stationRows.map((r) => r.name);
const samples: number[] = [];
const cpuBefore = process.cpuUsage();
for (let i = 0; i < 100; i++) {
  const cable = cableTo(names);
  await archiveCables(hqStore, [{ cable, raw: null, source: "bench" }]);
  const started = performance.now();
  await hqStore.transaction((tx) => enqueueDeliveries(tx, { cable, actionRequests: [] }, systemClock));
  hq.link.kick();
  for (const node of nodes.slice(1)) while (!(await inInbox(node.store, cable.id))) await sleep(1);
  samples.push(performance.now() - started);
}
const cpu = process.cpuUsage(cpuBefore);
const p = percentiles(samples);
console.log(
  `release to remote inboxes (280 posts on 4 nodes), 100 releases: p50 ${ms(p.p50)}, p99 ${ms(p.p99)}, max ${ms(p.max)}; ` +
    `CPU (all nodes, one process) ${ms((cpu.user + cpu.system) / 1000 / 100)} a release; ${loadLine()}`,
);

// Catch-up: P1's link cut while 10,000 copies queue for it, then restored.
const p1 = nodes[1]!;
await net.stopLeaf("P1");
const target = stationRows[0]!.name;
for (let b = 0; b < 20; b++) {
  await hqStore.transaction(async (tx) => {
    for (let i = 0; i < 500; i++)
      await enqueueDeliveries(tx, { cable: cableTo([target]), actionRequests: [] }, systemClock);
  });
  hq.link.kick();
}
const arrivals = async () =>
  Number(
    (
      await p1.store.db
        .selectFrom("site_arrivals")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );
const base = await arrivals();
while (
  Number(
    (
      await hqStore.db
        .selectFrom("site_copies")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("state", "=", "queued")
        .executeTakeFirstOrThrow()
    ).n,
  ) > 0
)
  await sleep(100);
const catchCpu = process.cpuUsage();
const started = performance.now();
await net.startLeaf("P1");
while ((await arrivals()) < base + 10_000) await sleep(20);
const seconds = (performance.now() - started) / 1000;
const used = process.cpuUsage(catchCpu);
console.log(
  `catch-up after a 10,000-copy backlog: ${Math.round(10_000 / seconds)} copies/s (${seconds.toFixed(1)} s, link start ` +
    `included), CPU ${((used.user + used.system) / 1000 / 10_000).toFixed(2)} ms a copy; ${loadLine()}`,
);

for (const node of nodes) {
  await node.link.stop();
  await node.dispatcher.stop();
}
for (const node of nodes) await node.store.close();
if (dialect === "postgres") {
  const pg = await import("pg");
  const client = new pg.default.Client({ connectionString: PG });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS bench_sites_${process.pid} CASCADE`);
  await client.end();
}
await net.stop();
rmSync(dir, { recursive: true, force: true });

function sleep(msec: number) {
  return new Promise((r) => setTimeout(r, msec));
}
