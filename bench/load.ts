// `npm run bench:load`: the server under load, as people use it. A real server (`cablegram serve`, a child process
// on a free loopback port, a fresh data directory, first start importing the seeds and the corpus as `npm start`
// does) is offered a fixed rate of requests over 50 connections: GET /api/search?q=kosovo, then GET /api/inbox, for
// a fully cleared user. Targets (issue 14) on SQLite: search p99 at most 100 ms at 200 requests/s, inbox p99 at most
// 20 ms at 1,000 requests/s. PostgreSQL's figures are printed beside them, not judged.
//
// The targets are judged on evenly spaced requests (paced-load.ts), each timed from when it was due. Each phase is
// also run with autocannon's `overallRate` ("bursts"), which sends each connection's share of a second back to back
// at the top of the second: there a latency is the time to drain 50 requests at once, about 50 times the time one
// takes, and autocannon's correction for coordinated omission adds a sample for every millisecond of it (its
// expected interval is 1 / rate in seconds, rounded up to 1 ms). Each run also prints the server process's CPU per
// request (utime + stime from /proc/<pid>/stat, over the requests its log says it answered), which other load on the
// machine changes far less than the times, and the load average before and after. The requests are sent from this
// process, on the same cores as the server. `--profile DIR` prints, per run, where the server's main thread spent its
// time (node --cpu-prof); `--sql-timings` prints the statements that took the most time in each run
// (CABLEGRAM_SQL_TIMINGS), per request answered.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync, unlinkSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { openStore, type Dialect, type StoreConfig } from "../src/store/open-store.ts";
import { CORPUS_DIR } from "../test/helpers/shared-data.ts";
import { buildDraft } from "../test/helpers/factories.ts";
import type { StatementFigures } from "../src/store/statement-timings.ts";
import { mainThreadProfile, monotonicUs, selfTimeLines, type Window } from "./cpu-profile.ts";
import { ms } from "./latency.ts";
import { pacedLoad } from "./paced-load.ts";
import { describeMachine } from "./machine.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const PG_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const ADMIN_PASSWORD = "bench load admin passphrase";
const USER = { username: "bench", password: "bench load passphrase long enough" };
/** Deliveries in the bench user's inbox: a day's traffic at a post. */
const INBOX_SIZE = 50;
const WARM_UP_SECONDS = 3;

type Phase = { label: string; path: string; rate: number; targetP99: number };
const PHASES: Phase[] = [
  { label: "search", path: "/api/search?q=kosovo", rate: 200, targetP99: 100 },
  { label: "inbox", path: "/api/inbox", rate: 1000, targetP99: 20 },
];

const { values } = parseArgs({
  options: {
    dialect: { type: "string", default: "both" },
    duration: { type: "string", default: "15" },
    connections: { type: "string", default: "50" },
    /** A folder for the server's CPU profile (node --cpu-prof), written when the server stops. */
    profile: { type: "string" },
    /** Time every SQL statement in the server and print the costliest of each phase. */
    "sql-timings": { type: "boolean", default: false },
    /** paced (evenly spaced, judged), bursts (autocannon's overallRate) or both. */
    arrivals: { type: "string", default: "both" },
  },
});
const DURATION = Number(values.duration);
const CONNECTIONS = Number(values.connections);
if (![DURATION, CONNECTIONS].every((n) => Number.isInteger(n) && n > 0)) {
  console.error("bench:load: --duration (seconds) and --connections must be positive whole numbers");
  process.exit(2);
}
if (!["sqlite", "postgres", "both"].includes(values.dialect)) {
  console.error(`bench:load: --dialect must be sqlite, postgres or both, not "${values.dialect}"`);
  process.exit(2);
}
if (!["paced", "bursts", "both"].includes(values.arrivals)) {
  console.error(`bench:load: --arrivals must be paced, bursts or both, not "${values.arrivals}"`);
  process.exit(2);
}
const ARRIVALS: Arrivals[] = values.arrivals === "both" ? ["paced", "bursts"] : [values.arrivals as Arrivals];
const dialects: Dialect[] = values.dialect === "both" ? ["sqlite", "postgres"] : [values.dialect as Dialect];
if (!existsSync(CORPUS_DIR)) {
  console.log(`bench:load: skipped, the corpus ${CORPUS_DIR} is absent; the server under load serves it.`);
  process.exit(0);
}

const load = () =>
  `load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`;

/** CPU time a process (or one of its threads) has used so far, user and system, in milliseconds, from /proc. */
function processCpuMs(pid: number, thread?: number): number {
  const stat = readFileSync(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, "utf8");
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticksPerSecond = 100; // USER_HZ, 100 on every Linux architecture Node runs on
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

/** Where the server keeps its data: the store, the environment that points the server there, and its removal. */
type ServerData = { config: StoreConfig; env: Record<string, string>; drop(): Promise<void> };

async function dataFor(dialect: Dialect, dir: string): Promise<ServerData> {
  if (dialect === "sqlite") {
    const config: StoreConfig = { dialect, file: join(dir, "data", "cablegram.db") };
    return { config, env: { CABLEGRAM_DATA_DIR: join(dir, "data") }, drop: async () => undefined };
  }
  const schema = `bench_load_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${schema}"`).finally(() => admin.end());
  const url = new URL(PG_URL);
  url.searchParams.set("options", `-c search_path=${schema}`);
  const drop = async () => {
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).finally(() => client.end());
  };
  const config: StoreConfig = { dialect, url: PG_URL, schema };
  return { config, env: { DATABASE_URL: url.toString() }, drop };
}

/** Starts `cablegram serve` on a free loopback port, logging to a file; resolves with its URL once it listens. */
async function startServer(env: Record<string, string>, log: string): Promise<{ child: ChildProcess; url: string }> {
  const out = openSync(log, "w");
  // The server's own settings only: an archive, import or level in this shell's environment would change the run.
  const { DATABASE_URL: _u, CABLEGRAM_DATA_DIR: _d, CABLEGRAM_IMPORT: _i, LOG_LEVEL: _l, ...inherited } = process.env;
  // Node itself, not the tsx wrapper: the pid measured must be the server's.
  const profile = values.profile ? ["--cpu-prof", `--cpu-prof-dir=${values.profile}`] : [];
  const timings = values["sql-timings"] ? { CABLEGRAM_SQL_TIMINGS: statementsFile(log) } : {};
  const child = spawn(process.execPath, [...profile, "--import", "tsx", "src/cli/main.ts", "serve", "--port", "0"], {
    cwd: ROOT,
    env: { ...inherited, ...env, ...timings, HOST: "127.0.0.1", CABLEGRAM_ADMIN_PASSWORD: ADMIN_PASSWORD },
    stdio: ["ignore", out, out],
  });
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const listening = /"url":"(http:\/\/[^"]+)".*"msg":"Cablegram is listening"/.exec(readFileSync(log, "utf8"));
    if (listening) return { child, url: listening[1]! };
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      const tail = readFileSync(log, "utf8").split("\n").slice(-20).join("\n");
      throw new Error(`the server did not start (exit code ${child.exitCode}); the end of its log:\n${tail}`);
    }
  }
}

/** Stops the server as an operator would (SIGTERM) and waits for it to exit. */
async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

/** A JSON call to the server; throws on anything but success. */
async function call(url: string, cookie: string | null, method = "GET", body?: object): Promise<Response> {
  const headers: Record<string, string> = body ? { "content-type": "application/json" } : {};
  if (cookie) headers.cookie = cookie;
  const res = await fetch(url, { method, headers, ...(body ? { body: JSON.stringify(body) } : {}) });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${(await res.text()).slice(0, 400)}`);
  return res;
}

async function signIn(base: string, username: string, password: string): Promise<string> {
  const res = await call(`${base}/api/session`, null, "POST", { username, password });
  return res.headers.getSetCookie()[0]!.split(";")[0]!;
}

/** The fully cleared bench user at PARIS, with INBOX_SIZE cables released to PARIS by the admin. */
async function prepare(base: string): Promise<string> {
  const admin = await signIn(base, "admin", ADMIN_PASSWORD);
  await call(`${base}/api/users`, admin, "POST", {
    ...USER,
    clearance: "TOP SECRET",
    accesses: ["NOFORN", "FGI", "SENSITIVE"],
    lists: ["NODIS-KOSOVO"],
    roles: ["reader"],
    post: "PARIS",
    offices: [],
  });
  for (let i = 0; i < INBOX_SIZE; i++) {
    const draft = buildDraft({ subject: `FRANCE: LOAD ${i + 1}` });
    const { id } = (await (await call(`${base}/api/drafts`, admin, "POST", draft)).json()) as { id: string };
    await call(`${base}/api/drafts/${id}/release`, admin, "POST", {});
  }
  const cookie = await signIn(base, USER.username, USER.password);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { items } = (await (await call(`${base}/api/inbox`, cookie)).json()) as { items: unknown[] };
    if (items.length >= INBOX_SIZE) return cookie;
    if (Date.now() > deadline) throw new Error(`${items.length} of ${INBOX_SIZE} cables in PARIS's inbox after 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** How requests arrive: evenly spaced (paced-load.ts), or as autocannon's `overallRate` sends them. */
type Arrivals = "paced" | "bursts";

/** One run's figures, whichever sent the requests. */
type Run = {
  /** Requests sent, and answered with a 2xx (some are answered after a run stops waiting). */
  sent: number;
  answered: number;
  achieved: number;
  latency: { p50: number; p90: number; p99: number };
  errors: number;
  non2xx: number;
};

async function offer(arrivals: Arrivals, url: string, cookie: string, rate: number, seconds: number): Promise<Run> {
  if (arrivals === "paced") {
    const r = await pacedLoad({ url, headers: { cookie }, rate, seconds, connections: CONNECTIONS });
    return r;
  }
  const r = await autocannon({
    url,
    headers: { cookie },
    connections: CONNECTIONS,
    overallRate: rate,
    duration: seconds,
  });
  return {
    sent: r.requests.sent,
    answered: r["2xx"],
    achieved: r.requests.total / r.duration,
    latency: r.latency,
    errors: r.errors,
    non2xx: r.non2xx,
  };
}

/** Where the server writes its statements' timings: beside its log. */
const statementsFile = (log: string) => log.replace(/\.log$/, "-statements.json");

/** The server's statement timings since the last call (SIGUSR2 writes them and starts afresh). */
async function takeStatements(pid: number, log: string): Promise<StatementFigures[]> {
  const file = statementsFile(log);
  if (existsSync(file)) unlinkSync(file);
  process.kill(pid, "SIGUSR2");
  const deadline = Date.now() + 10_000;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    try {
      return JSON.parse(readFileSync(file, "utf8")) as StatementFigures[];
    } catch (error) {
      // Not written yet, or half written.
      if (Date.now() > deadline) throw error;
    }
  }
}

type Measured = {
  phase: Phase;
  arrivals: Arrivals;
  result: Run;
  /** The warm-up's requests, which are not timed. */
  warmUp: Run;
  cpuMsPerRequest: number;
  /** The part of it on the main thread (the event loop), without the checkpoint and other worker threads. */
  mainCpuMsPerRequest: number;
  before: string;
  after: string;
  /** The timed run's window, for the CPU profile. */
  window: Window;
  answered: number;
  /** The phase's statements, costliest first (with --sql-timings). */
  statements: StatementFigures[] | null;
};

/** Requests the server has answered so far, by its log's "request completed" lines. */
function answeredByServer(log: string): number {
  return readFileSync(log, "utf8").split('"msg":"request completed"').length - 1;
}

type Server = { base: string; pid: number; log: string };

async function measure(
  { base, pid, log }: Server,
  cookie: string,
  phase: Phase,
  arrivals: Arrivals,
): Promise<Measured> {
  const warmUp = await offer(arrivals, `${base}${phase.path}`, cookie, phase.rate, WARM_UP_SECONDS);
  const before = load();
  const cpuBefore = processCpuMs(pid);
  const mainBefore = processCpuMs(pid, pid);
  const answeredBefore = answeredByServer(log);
  if (values["sql-timings"]) await takeStatements(pid, log);
  const fromUs = monotonicUs();
  const result = await offer(arrivals, `${base}${phase.path}`, cookie, phase.rate, DURATION);
  const window = { label: `${phase.label} (${arrivals})`, fromUs, toUs: monotonicUs() };
  // By the server's count: when it falls behind, it answers requests autocannon has stopped waiting for.
  const answered = answeredByServer(log) - answeredBefore;
  const cpuMsPerRequest = (processCpuMs(pid) - cpuBefore) / Math.max(1, answered);
  const mainCpuMsPerRequest = (processCpuMs(pid, pid) - mainBefore) / Math.max(1, answered);
  const statements = values["sql-timings"] ? await takeStatements(pid, log) : null;
  return {
    phase,
    arrivals,
    result,
    warmUp,
    cpuMsPerRequest,
    mainCpuMsPerRequest,
    before,
    after: load(),
    window,
    answered,
    statements,
  };
}

function report(dialect: Dialect, m: Measured): string {
  const { phase, result } = m;
  const { latency, achieved } = result;
  const met = latency.p99 <= phase.targetP99 && achieved >= phase.rate * 0.95;
  const target = `p99 <= ${phase.targetP99} ms at ${phase.rate}/s`;
  const verdict =
    m.arrivals === "bursts"
      ? "not judged: all connections ask at once each second"
      : dialect === "sqlite"
        ? `${met ? "meets" : "MISSES"} ${target}`
        : `${met ? "within" : "over"} SQLite's ${target}`;
  return (
    `  ${phase.label.padEnd(6)} ${m.arrivals.padEnd(6)} GET ${phase.path}: ${achieved.toFixed(0)} of ${phase.rate} requests/s offered; ` +
    `p50 ${ms(latency.p50)} ms, p90 ${ms(latency.p90)} ms, p99 ${ms(latency.p99)} ms; ` +
    `errors ${result.errors}, non-2xx ${result.non2xx}; server CPU ${m.cpuMsPerRequest.toFixed(2)} ms a request ` +
    `(main thread ${m.mainCpuMsPerRequest.toFixed(2)}) ` +
    `(${verdict}) [${m.before} before, ${m.after} after]`
  );
}

/** The phase's costliest statements: time a request, runs a request, median, p99 and slowest run. */
function statementLines(m: Measured): string[] {
  const per = Math.max(1, m.answered);
  return (m.statements ?? [])
    .slice(0, 6)
    .map(
      (s) =>
        `    ${(s.totalMs / per).toFixed(3)} ms a request (${(s.count / per).toFixed(2)} runs; ` +
        `p50 ${s.p50Ms.toFixed(2)}, p99 ${s.p99Ms.toFixed(2)}, max ${s.maxMs.toFixed(1)} ms): ` +
        s.sql.replace(/\s+/g, " ").slice(0, 160),
    );
}

/** Searches the bench user made, counted in the audit log once the server has stopped. */
async function searchesAudited(config: StoreConfig): Promise<number> {
  const store = await openStore(config);
  try {
    const row = await store.db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("action", "=", "cable.search")
      .where("username", "=", USER.username)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await store.close();
  }
}

async function benchDialect(dialect: Dialect): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "cablegram-bench-load-"));
  const data = await dataFor(dialect, dir);
  try {
    const started = performance.now();
    const log = join(dir, "server.log");
    const { child, url } = await startServer(data.env, log);
    const searches = { answered: 0, sent: 0 };
    const lines: string[] = [];
    const windows: Window[] = [];
    try {
      const ready = ((performance.now() - started) / 1000).toFixed(0);
      const cookie = await prepare(url);
      for (const phase of PHASES) {
        for (const arrivals of ARRIVALS) {
          const m = await measure({ base: url, pid: child.pid!, log }, cookie, phase, arrivals);
          if (phase.label === "search") {
            searches.answered += m.warmUp.answered + m.result.answered;
            searches.sent += m.warmUp.sent + m.result.sent;
          }
          lines.push(report(dialect, m));
          if (m.statements) lines.push("  statements, costliest first:", ...statementLines(m));
          windows.push(m.window);
        }
      }
      console.log(`\n${dialect} (server ready with the corpus in ${ready} s; ${INBOX_SIZE} cables in the inbox)`);
    } finally {
      await stopServer(child);
    }
    for (const line of lines) console.log(line);
    const profile = values.profile ? mainThreadProfile(values.profile, child.pid!) : null;
    for (const window of profile ? windows : []) {
      console.log(`  ${window.label}: the server's main thread, by self time (${profile})`);
      for (const line of selfTimeLines(profile!, window, 12)) console.log(`    ${line}`);
    }
    // Requests still in flight when a run stops are answered (and audited) unseen: between the two counts.
    const audited = await searchesAudited(data.config);
    const each = audited >= searches.answered && audited <= searches.sent;
    console.log(
      `  audit: ${audited} cable.search entries for ${searches.answered} searches answered and ${searches.sent} ` +
        `sent (warm-up included)${each ? ": every answered search audited" : ": MISSES, one entry a search"}`,
    );
  } finally {
    await data.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`bench:load on ${describeMachine()}`);
console.log(
  `${ARRIVALS.join(" and ")} arrivals (${CONNECTIONS} connections, ${DURATION} s a run after ${WARM_UP_SECONDS} s ` +
    `of warm-up) sent from this process, on the same ${cpus().length} cores as the server`,
);
for (const dialect of dialects) await benchDialect(dialect);
