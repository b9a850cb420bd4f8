// bench:sites: headquarters and four post nodes (70 posts each) on one machine, each node in a process of its own
// (site-node-process.ts) as in production, linked over real nats-server processes. Release-to-remote-inbox latency of
// a 280-post release (p50/p99 over 100 releases, after 20 uncounted warm-up releases: `--warmup N`), and a post's
// catch-up rate after a 10,000-copy backlog. A release's latency runs from the start of its transaction here to the
// last of the four post nodes' commits that put it in their inboxes, as each node tells it (at the moment it tells
// its own live pages); the inboxes are read afterwards to check every copy is there. `--dialect postgres` puts
// headquarters on PostgreSQL; `--releases N` and `--backlog N` make a smaller run. Each latency is split into its
// stages from the times the nodes record; `--timings` prints the statements headquarters and P1 spent most time in
// during the releases and the catch-up; `--profile DIR` writes a CPU profile of each node's main thread over the
// timed releases (STATE.cpuprofile, ...).
import { fork, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseSitePlan } from "../src/core/index.ts";
import { archiveCables } from "../src/services/archive/index.ts";
import { systemClock } from "../src/services/clock.ts";
import { loadDefaultDirectory } from "../src/services/directory/index.ts";
import { enqueueDeliveries, startDispatcher } from "../src/services/distribution/index.ts";
import { createEventBus } from "../src/services/events/event-bus.ts";
import { saveSitePlan, startLocalNetwork, startSiteNode } from "../src/services/sites/index.ts";
import { checkpointInBackground } from "../src/store/background-checkpoints.ts";
import { openStore, type Store } from "../src/store/open-store.ts";
import { statementTimings, type StatementFigures } from "../src/store/statement-timings.ts";
import { parseTelegram } from "../src/telegram/index.ts";
import { readFileSync } from "node:fs";
import { percentiles, ms } from "./latency.ts";
import { describeMachine, loadLine, processCpuMs } from "./machine.ts";
import { profileThread } from "./profile-session.ts";
import {
  benchLinkSettings,
  epochNow,
  nodeStoreFile,
  type NodeProcessMessage,
  type NodeProcessSetup,
} from "./site-node-process.ts";

const dialect = process.argv.includes("--dialect") ? process.argv[process.argv.indexOf("--dialect") + 1] : "sqlite";
const PG = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const BASE = Number(process.env.BENCH_NATS_PORT ?? 23500);
const sizeArg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) || fallback : fallback;
};
const RELEASES = sizeArg("releases", 100);
const WARMUP = sizeArg("warmup", 20);
const BACKLOG = sizeArg("backlog", 10_000);
const timed = process.argv.includes("--timings");
const profileDir = process.argv.includes("--profile") ? process.argv[process.argv.indexOf("--profile") + 1] : null;
const dir = mkdtempSync(join(tmpdir(), "cg-bench-sites-"));
const seed = parseTelegram(readFileSync("examples/08STATE16245.txt", "utf8"));

const hqTimings = timed ? statementTimings() : undefined;
const hqStore =
  dialect === "postgres"
    ? await openStore({
        dialect: "postgres",
        url: PG,
        schema: `bench_sites_${process.pid}`,
        keys: { dir },
        timings: hqTimings,
      })
    : await openStore({
        dialect: "sqlite",
        file: nodeStoreFile(dir, "STATE"),
        keys: { dir: join(dir, "STATE") },
        timings: hqTimings,
      });
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

// Headquarters runs here, as `cablegram serve` runs it: commits never wait for a WAL checkpoint and the disk.
const hqPlan = parseSitePlan("STATE", siteList);
await saveSitePlan(hqStore, hqPlan);
const hqCheckpoints = checkpointInBackground(hqStore);
const hqDispatcher = startDispatcher({
  store: hqStore,
  clock: systemClock,
  bus: createEventBus({ store: hqStore }),
  senders: [],
});
const hqLeaf = net.sites.get("STATE")!;
const hqLink = startSiteNode({
  store: hqStore,
  clock: systemClock,
  settings: benchLinkSettings(hqPlan, hqLeaf),
  dispatcher: hqDispatcher,
});
await hqLink.ready();

/** A post node in a process of its own (site-node-process.ts), and this process's reading connection to its store. */
type PostNode = { site: string; child: ChildProcess; store: Store };
const nodes: PostNode[] = await Promise.all(
  posts.map(async (site) => {
    const leaf = net.sites.get(site)!;
    const setup: NodeProcessSetup = {
      site,
      siteList,
      dir,
      natsUrl: leaf.url,
      user: leaf.user,
      password: leaf.password,
      timings: timed,
    };
    const child = fork(fileURLToPath(new URL("./site-node-process.ts", import.meta.url)), [JSON.stringify(setup)], {
      execArgv: ["--import", "tsx"],
    });
    await nextMessage(child, (m) => "ready" in m);
    const store = await openStore({
      dialect: "sqlite",
      file: nodeStoreFile(dir, site),
      keys: { dir: join(dir, site) },
    });
    return { site, child, store };
  }),
);
/** CPU time so far, in ms: this process's (headquarters) and each post node's, by site, and their sum. */
const cpuOfAll = async () => {
  const own = process.cpuUsage();
  const bySite = new Map<string, number>([["STATE", (own.user + own.system) / 1000]]);
  for (const node of nodes) {
    node.child.send("cpu");
    const m = await nextMessage(node.child, (m) => "cpuMs" in m);
    bySite.set(node.site, (m as { cpuMs: number }).cpuMs);
  }
  return { bySite, total: [...bySite.values()].reduce((a, b) => a + b, 0) };
};
/** CPU time so far of the NATS servers (hub and leaves), in ms; 0 where /proc cannot tell. */
const natsCpuMs = () => [...net.pids().values()].reduce((sum, pid) => sum + (processCpuMs(pid) ?? 0), 0);
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

console.log(`bench:sites, headquarters on ${dialect}; ${describeMachine()}; load ${loadLine()}`);
const names = stationRows.map((r) => r.name);
/** The releases awaited: which post nodes have told each is in their inbox, the latest time told, and the waiter. */
const awaited = new Map<string, { told: Set<string>; at: number; done: () => void }>();
/** When each post node told each release was in its inboxes, by site and cable. */
const toldAt = new Map<string, Map<string, number>>(nodes.map((n) => [n.site, new Map()]));
for (const node of nodes) {
  node.child.on("message", (m: NodeProcessMessage) => {
    if (!("inInbox" in m)) return;
    for (const id of m.inInbox) {
      const wait = awaited.get(id);
      toldAt.get(node.site)!.set(id, m.at);
      if (!wait) continue;
      wait.told.add(node.site);
      wait.at = Math.max(wait.at, m.at);
      if (wait.told.size === nodes.length) wait.done();
    }
  });
}
/** Releases one cable to the 280 posts and waits until every post node has it in its inbox; answers its id and ms. */
const releaseToAll = async () => {
  const cable = cableTo(names);
  await archiveCables(hqStore, [{ cable, raw: null, source: "bench" }]);
  const wait = { told: new Set<string>(), at: 0, done: () => {} };
  const inboxes = new Promise<void>((resolve) => (wait.done = resolve));
  awaited.set(cable.id, wait);
  const started = epochNow();
  await hqStore.transaction((tx) => enqueueDeliveries(tx, { cable, actionRequests: [] }, systemClock));
  hqLink.kick();
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    inboxes,
    new Promise((_, reject) => {
      timer = setTimeout(() => {
        const silent = nodes.filter((n) => !wait.told.has(n.site)).map((n) => n.site);
        reject(new Error(`${cable.id} did not reach the inboxes of ${silent.join(", ")} within 30 s`));
      }, 30_000);
    }),
  ]);
  clearTimeout(timer);
  awaited.delete(cable.id);
  return { id: cable.id, ms: wait.at - started };
};
// Releases first, not counted (20 by default, `--warmup N`): the five processes have just started, and their first
// releases prepare their queries and compile their code paths; a node in service runs for weeks. The first also
// starts the posts' search index writer threads, which are given a moment. The warm-up's own figures are printed.
const warmup: number[] = [];
for (let i = 0; i < Math.max(1, WARMUP); i++) {
  warmup.push((await releaseToAll()).ms);
  if (i === 0) await sleep(2000);
}
const samples: number[] = [];
const releasedIds: string[] = [];
hqTimings?.reset();
nodes[0]!.child.send("reset-timings");
const stopProfile = profileDir ? await profileThread() : null;
for (const node of profileDir ? nodes : []) node.child.send("profile-start");
const cpuBefore = await cpuOfAll();
const natsBefore = natsCpuMs();
for (let i = 0; i < RELEASES; i++) {
  const { id, ms } = await releaseToAll();
  samples.push(ms);
  releasedIds.push(id);
}
const cpuAfter = await cpuOfAll();
const cpuMs = cpuAfter.total - cpuBefore.total;
const cpuBySite = [...cpuAfter.bySite].map(
  ([site, used]) => `${site} ${ms((used - cpuBefore.bySite.get(site)!) / RELEASES)}`,
);
const natsMs = natsCpuMs() - natsBefore;
for (const node of nodes)
  for (const id of releasedIds)
    if (!(await inInbox(node.store, id))) throw new Error(`${node.site} told ${id} was in its inboxes, and it is not`);
if (profileDir) {
  mkdirSync(profileDir, { recursive: true });
  await stopProfile!(join(profileDir, "STATE.cpuprofile"));
  for (const node of nodes) {
    node.child.send(`profile-stop ${join(profileDir, `${node.site}.cpuprofile`)}`);
    await nextMessage(node.child, (m) => "profiled" in m);
  }
  console.log(`  profiles of the releases: ${profileDir}/{STATE,${posts.join(",")}}.cpuprofile`);
}
const p = percentiles(samples);
console.log(
  `release to remote inboxes (280 posts on 4 nodes), ${RELEASES} releases: p50 ${ms(p.p50)} ms, p99 ${ms(p.p99)} ms, ` +
    `max ${ms(p.max)} ms; CPU (all nodes) ${ms(cpuMs / RELEASES)} ms a release, ` +
    `${ms(cpuMs / RELEASES / 280)} ms a delivered copy; the six NATS servers ${ms(natsMs / RELEASES)} ms a release; ` +
    `load ${loadLine()}`,
);
console.log(`  stages (p50 / p99 ms): ${await stagesOf(releasedIds)}`);
const w = percentiles(warmup);
console.log(
  `  the ${warmup.length} warm-up releases before them, not counted: p50 ${ms(w.p50)} ms, max ${ms(w.max)} ms`,
);
console.log(`  CPU a release by node (ms): ${cpuBySite.join(", ")}`);
if (timed) await printNodeTimings("the releases");

// Catch-up: P1's link cut while the backlog queues for it, then restored.
const p1 = nodes[0]!;
await net.stopLeaf("P1");
const target = stationRows[0]!.name;
for (let left = BACKLOG; left > 0; left -= 500) {
  await hqStore.transaction(async (tx) => {
    for (let i = 0; i < Math.min(500, left); i++)
      await enqueueDeliveries(tx, { cable: cableTo([target]), actionRequests: [] }, systemClock);
  });
  hqLink.kick();
}
const countOf = async (query: { executeTakeFirstOrThrow(): Promise<{ n: number | string | bigint }> }) =>
  Number((await query.executeTakeFirstOrThrow()).n);
const arrivals = () =>
  countOf(p1.store.db.selectFrom("site_arrivals").select((eb) => eb.fn.countAll<number>().as("n")));
const queuedAtHq = () =>
  countOf(
    hqStore.db
      .selectFrom("site_copies")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("state", "=", "queued"),
  );
const base = await arrivals();
while ((await queuedAtHq()) > 0) await sleep(100);
hqTimings?.reset();
p1.child.send("reset-timings");
const catchCpu = await cpuOfAll();
const started = performance.now();
await net.startLeaf("P1");
let firstAt: number | null = null;
for (let n = base; n < base + BACKLOG; n = await arrivals()) {
  if (firstAt === null && n > base) firstAt = performance.now();
  await sleep(20);
}
const seconds = (performance.now() - started) / 1000;
// The link's return (the leaf server starting, the node reconnecting and saying hello) apart from the flow itself.
const linkSeconds = ((firstAt ?? performance.now()) - started) / 1000;
const catchUsed = await cpuOfAll();
const usedMs = catchUsed.total - catchCpu.total;
const ofSite = (site: string) => (catchUsed.bySite.get(site)! - catchCpu.bySite.get(site)!) / BACKLOG;
console.log(
  `catch-up after a ${BACKLOG}-copy backlog: ${Math.round(BACKLOG / seconds)} copies/s (${seconds.toFixed(1)} s, link ` +
    `start included; ${linkSeconds.toFixed(1)} s to the first arrival, then ` +
    `${firstAt === null ? "all at once" : `${Math.round(BACKLOG / (seconds - linkSeconds))} copies/s`}), CPU (all nodes) ${(usedMs / BACKLOG).toFixed(2)} ms a copy ` +
    `(headquarters ${ofSite("STATE").toFixed(2)}, P1 ${ofSite("P1").toFixed(2)}); load ${loadLine()}`,
);

if (timed) await printNodeTimings("the catch-up");
await hqLink.stop();
await hqDispatcher.stop();
await hqCheckpoints?.stop();
for (const node of nodes) {
  await node.store.close();
  const exited = new Promise((resolve) => node.child.once("exit", resolve));
  node.child.send("stop");
  await exited;
}
await hqStore.close();
if (dialect === "postgres") {
  const pg = await import("pg");
  const client = new pg.default.Client({ connectionString: PG });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS bench_sites_${process.pid} CASCADE`);
  await client.end();
}
await net.stop();
rmSync(dir, { recursive: true, force: true });

/** The next message from a node process that `wanted` accepts. */
function nextMessage(child: ChildProcess, wanted: (m: NodeProcessMessage) => boolean): Promise<NodeProcessMessage> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: NodeProcessMessage) => {
      if (!wanted(m)) return;
      child.off("message", onMessage);
      child.off("exit", onExit);
      resolve(m);
    };
    const onExit = (code: number | null) => reject(new Error(`a post node process exited (${code})`));
    child.on("message", onMessage);
    child.once("exit", onExit);
  });
}

/** The statements headquarters and P1 spent most time in during `phase`. */
async function printNodeTimings(phase: string) {
  nodes[0]!.child.send("timings");
  const m = await nextMessage(nodes[0]!.child, (m) => "timings" in m);
  printTimings("STATE", phase, hqTimings!.figures());
  printTimings("P1", phase, (m as { timings: StatementFigures[] }).timings);
}

/** The statements a node spent most time in. */
function printTimings(site: string, phase: string, figures: StatementFigures[]) {
  console.log(`  ${site}'s statements during ${phase} (total ms, runs, SQL):`);
  for (const f of figures.slice(0, 12))
    console.log(
      `  ${ms(f.totalMs).padStart(7)} ${String(f.count).padStart(6)}  ${f.sql.replace(/\s+/g, " ").slice(0, 150)}`,
    );
}

function sleep(msec: number) {
  return new Promise((r) => setTimeout(r, msec));
}

/**
 * Where the latency went, from the times the nodes wrote and told: queued to published at headquarters (outbox to
 * publish), published to taken by the post (publish to fetch: its arrival time is taken as the batch is pulled), and
 * taken to committed in its inboxes (fetch to inbox: the store transaction, which delivers).
 */
async function stagesOf(ids: string[]): Promise<string> {
  const copies = await hqStore.db
    .selectFrom("site_copies")
    .select(["cable_id", "site", "queued_at", "sent_at"])
    .where("cable_id", "in", ids)
    .execute();
  const toPublish: number[] = [];
  const toFetch: number[] = [];
  const toInbox: number[] = [];
  for (const node of nodes) {
    const arrived = new Map(
      (
        await node.store.db
          .selectFrom("site_arrivals")
          .select(["cable_id", "stored_at"])
          .where("cable_id", "in", ids)
          .execute()
      ).map((r) => [r.cable_id, Date.parse(r.stored_at)]),
    );
    for (const c of copies.filter((c) => c.site === node.site)) {
      const sent = Date.parse(c.sent_at ?? c.queued_at);
      toPublish.push(sent - Date.parse(c.queued_at));
      toFetch.push(arrived.get(c.cable_id)! - sent);
      toInbox.push(toldAt.get(node.site)!.get(c.cable_id)! - arrived.get(c.cable_id)!);
    }
  }
  const line = (name: string, xs: number[]) => {
    const q = percentiles(xs);
    return `${name} ${ms(q.p50)} / ${ms(q.p99)}`;
  };
  return [
    line("outbox to publish", toPublish),
    line("publish to fetch", toFetch),
    line("fetch to inbox", toInbox),
  ].join("; ");
}
