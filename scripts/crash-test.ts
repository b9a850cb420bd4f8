// `npm run test:crash`: proves the transactional outbox. A child `cablegram serve` releases cables in bursts and is
// killed with SIGKILL at random moments, then restarted; at the end every released cable must have exactly one
// delivery per addressee, every release the client saw succeed must be archived, numbers must have no gap and the
// hash chain must verify. Bounded: a fixed number of rounds, every wait with a deadline. Exit 0 when all holds.
//
// Environment: CRASH_ROUNDS (6 per dialect), CRASH_BURST (12 releases per round), CRASH_KILL_WINDOW_MS (1500), CRASH_DIALECTS ("sqlite,postgres"),
// CRASH_SEED (random seed for the kill moments, printed so a failing run can be replayed), TEST_DATABASE_URL.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { loadDefaultDirectory } from "../src/services/directory/index.ts";
import { createUser } from "../src/services/users/index.ts";
import { systemClock } from "../src/services/clock.ts";
import { openStore, storeConfigFromEnv, type Dialect, type Store } from "../src/store/open-store.ts";
import { parseTelegram } from "../src/telegram/index.ts";
import { draftOf } from "../test/helpers/draft-body.ts";
import { SYSTEM_ACTING } from "../src/services/acting.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const SEED = join(ROOT, "examples/08STATE16245.txt");
const PG_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 6);
const BURST = Number(process.env.CRASH_BURST ?? 12);
const DIALECTS = (process.env.CRASH_DIALECTS ?? "sqlite,postgres").split(",") as Dialect[];
// Kill moments fall anywhere in this window after a burst starts: before, during and after its releases commit.
const KILL_WINDOW_MS = Number(process.env.CRASH_KILL_WINDOW_MS ?? 1500);
/**
 * Where each round's kill moment falls, in turn: anywhere in the window from the burst's start, anywhere in half of
 * it from the first commit, and within a few milliseconds of the first commit, while the rest of the burst is
 * still being released.
 */
const KILL_MOMENTS = [
  { afterFirstCommit: false, windowMs: KILL_WINDOW_MS },
  { afterFirstCommit: true, windowMs: KILL_WINDOW_MS / 2 },
  { afterFirstCommit: true, windowMs: 10 },
] as const;
const USER = { username: "crash", password: "crash test passphrase" };

/** A number in [0, 1) fixed by the run's seed and the round, so a failing run's kill moments can be replayed. */
function replayable(seed: number, round: number): number {
  return createHash("sha256").update(`${seed}:${round}`).digest().readUInt32BE(0) / 2 ** 32;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A port nobody listens on now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Where one run keeps its data, as environment variables for the child, and how to remove it. */
async function environmentFor(dialect: Dialect): Promise<{ env: NodeJS.ProcessEnv; cleanup(): Promise<void> }> {
  const base: NodeJS.ProcessEnv = {
    ...process.env,
    CABLEGRAM_IMPORT: "none",
    CABLEGRAM_ADMIN_PASSWORD: "crash admin passphrase",
  };
  if (dialect === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "cablegram-crash-"));
    delete base.DATABASE_URL;
    return { env: { ...base, CABLEGRAM_DATA_DIR: dir }, cleanup: async () => rmSync(dir, { recursive: true }) };
  }
  const schema = `crash_${process.pid}_${Date.now().toString(36)}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE SCHEMA "${schema}"`);
  const url = `${PG_URL}${PG_URL.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return { env: { ...base, DATABASE_URL: url }, cleanup: () => admin(`DROP SCHEMA "${schema}" CASCADE`) };
}

/** A running child server and its base URL. */
type Child = { process: ChildProcess; url: string; output: string[] };

async function startServer(env: NodeJS.ProcessEnv): Promise<Child> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "src/cli/main.ts", "serve", "--port", String(port), "--host", "127.0.0.1"],
    { cwd: ROOT, env: { ...env, LOG_LEVEL: "warn" }, stdio: ["ignore", "pipe", "pipe"] },
  );
  const output: string[] = [];
  child.stdout!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output.join("")}`);
    const up = await fetch(`${url}/api/session`).then(
      () => true,
      () => false,
    );
    if (up) return { process: child, url, output };
    await sleep(50);
  }
  child.kill("SIGKILL");
  throw new Error(`the server did not answer within 30 s:\n${output.join("")}`);
}

async function kill(child: Child, signal: NodeJS.Signals): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  const exited = new Promise((resolve) => child.process.once("exit", resolve));
  child.process.kill(signal);
  await Promise.race([exited, sleep(10_000)]);
}

async function signIn(url: string): Promise<string> {
  const res = await fetch(`${url}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(USER),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return (res.headers.get("set-cookie") ?? "").split(";")[0]!;
}

async function post(url: string, cookie: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json().catch(() => null) };
}

/**
 * One round: drafts made, then released all at once, without waiting for the answers, while a SIGKILL comes at a
 * random moment. Returns how many releases were in flight (sent, not answered) when the kill came.
 */
async function round(
  child: Child,
  draft: Record<string, unknown>,
  killAfterMs: number,
  afterFirstCommit: boolean,
  confirmed: Set<string>,
  problems: string[],
): Promise<number> {
  const cookie = await signIn(child.url);
  const drafts: string[] = [];
  for (let i = 0; i < BURST; i++) {
    const made = await post(`${child.url}/api/drafts`, cookie, draft);
    if (made.status !== 201 && made.status !== 200)
      throw new Error(`draft: ${made.status} ${JSON.stringify(made.json)}`);
    drafts.push((made.json as { id: string }).id);
  }
  let firstCommit!: () => void;
  const committed = new Promise<void>((resolve) => (firstCommit = resolve));
  let answered = 0;
  const releases = drafts.map((id) =>
    post(`${child.url}/api/drafts/${id}/release`, cookie, {}).then(
      (res) => {
        answered += 1;
        if (res.status === 200 || res.status === 201) {
          confirmed.add((res.json as { id: string }).id);
          firstCommit();
        } else problems.push(`the release of draft ${id} answered ${res.status} ${JSON.stringify(res.json)}`);
      },
      () => undefined, // the connection died with the server: the release may or may not have committed
    ),
  );
  // Some rounds count the kill moment from the burst's start (it may fall before any commit), the others from the
  // first confirmed release, so that on a slow machine too some rounds die with commits done and others in flight.
  if (afterFirstCommit) await Promise.race([committed, sleep(30_000)]);
  await sleep(killAfterMs);
  const inFlight = drafts.length - answered;
  await kill(child, "SIGKILL");
  await Promise.all(releases);
  return inFlight;
}

/** Waits until the restarted server's dispatcher has delivered every queued delivery. */
async function drained(store: Store): Promise<boolean> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const queued = await store.db
      .selectFrom("deliveries")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("state", "=", "queued")
      .executeTakeFirstOrThrow();
    if (Number(queued.n) === 0) return true;
    await sleep(100);
  }
  return false;
}

/** What must hold after the crashes; each broken property is one line of the answer. */
async function check(store: Store, confirmed: Set<string>, expectedPosts: string[]): Promise<string[]> {
  const problems: string[] = [];
  const released = await store.db
    .selectFrom("drafts")
    .select("released_id")
    .where("released_id", "is not", null)
    .execute();
  const ids = new Set(released.map((r) => r.released_id!));
  for (const id of confirmed) if (!ids.has(id)) problems.push(`${id} was confirmed to the client but is not released`);
  const archived = await store.db.selectFrom("cables").select("id").execute();
  const archivedIds = new Set(archived.map((c) => c.id));
  const chained = new Set(
    // Imported batches have links of their own (`batch:<n>`), which no release made.
    (
      await store.db.selectFrom("chain_links").select("cable_id").where("cable_id", "not like", "batch:%").execute()
    ).map((l) => l.cable_id),
  );
  for (const id of ids) if (!archivedIds.has(id)) problems.push(`${id} is released but not archived`);
  for (const id of ids) if (!chained.has(id)) problems.push(`${id} is released but not in the hash chain`);
  for (const id of chained) if (!ids.has(id)) problems.push(`${id} is chained without a released draft`);
  const serials = [...ids].map((id) => Number(/(\d+)$/.exec(id)![1])).sort((a, b) => a - b);
  serials.forEach((serial, i) => serial !== i + 1 && problems.push(`serial ${i + 1} is missing or reused (${serial})`));

  const rows = await store.db
    .selectFrom("deliveries")
    .select(["cable_id", "post", "state"])
    .where("office", "=", "")
    .where("slugged_from", "is", null)
    .execute();
  const byCable = new Map<string, string[]>();
  for (const row of rows) {
    byCable.set(row.cable_id, [...(byCable.get(row.cable_id) ?? []), row.post]);
    if (row.state !== "delivered") problems.push(`${row.cable_id} to ${row.post} is still ${row.state}`);
  }
  const expected = [...expectedPosts].sort().join(" | ");
  for (const id of ids) {
    const posts = (byCable.get(id) ?? []).sort().join(" | ");
    if (posts !== expected) problems.push(`${id} was delivered to [${posts}], not once to each of [${expected}]`);
  }
  return problems;
}

async function runDialect(dialect: Dialect, seed: number): Promise<string[]> {
  const { env, cleanup } = await environmentFor(dialect);
  const store = await openStore(storeConfigFromEnv(env));
  const problems: string[] = [];
  try {
    await loadDefaultDirectory(store);
    await createUser({ store, clock: systemClock }, SYSTEM_ACTING, {
      ...USER,
      roles: ["reader", "drafter", "approver"],
      clearance: "SECRET",
      post: "STATE",
    });
    const draft = draftOf(parseTelegram(readFileSync(SEED, "utf8")));
    const expectedPosts = [...draft.to, ...draft.info].map((a) => a.name);
    const confirmed = new Set<string>();
    let killedInFlight = 0;
    for (let r = 0; r < ROUNDS; r++) {
      const child = await startServer(env);
      const { afterFirstCommit, windowMs } = KILL_MOMENTS[r % KILL_MOMENTS.length]!;
      const killAfterMs = Math.floor(replayable(seed, r) * windowMs);
      const before = confirmed.size;
      const inFlight = await round(child, draft, killAfterMs, afterFirstCommit, confirmed, problems);
      if (inFlight > 0) killedInFlight += 1;
      const from = afterFirstCommit ? "the first commit" : "the burst's start";
      console.log(
        `  ${dialect} round ${r + 1}/${ROUNDS}: SIGKILL ${killAfterMs} ms after ${from} with ${inFlight} releases ` +
          `in flight; ${confirmed.size - before} confirmed this round, ${confirmed.size} in all`,
      );
    }
    console.log(`  ${dialect}: ${killedInFlight} of ${ROUNDS} rounds killed the server with releases in flight`);
    // Rounds that all finish their burst before the kill never test a release cut short: fail rather than pass.
    if (killedInFlight === 0) problems.push("no round killed the server with a release in flight");
    const last = await startServer(env);
    const done = await drained(store);
    await kill(last, "SIGTERM");
    if (!done) problems.push("the restarted server left deliveries queued for 60 s");
    problems.push(...(await check(store, confirmed, expectedPosts)));
    const verify = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "verify"], {
      cwd: ROOT,
      env,
      encoding: "utf8",
    });
    if (verify.status !== 0)
      problems.push(`cablegram verify exited ${verify.status}: ${verify.stdout}${verify.stderr}`);
    const released = await store.db.selectFrom("drafts").select("id").where("released_id", "is not", null).execute();
    console.log(`  ${dialect}: ${released.length} cables released, ${confirmed.size} confirmed before a kill`);
    // A run in which nothing was released proves nothing: it fails rather than passing vacuously.
    if (released.length === 0) problems.push("no release committed in any round; raise CRASH_KILL_WINDOW_MS");
  } finally {
    await store.close();
    await cleanup();
  }
  return problems.map((p) => `${dialect}: ${p}`);
}

const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
console.log(
  `crash test: ${ROUNDS} rounds of ${BURST} releases per dialect (${DIALECTS.join(", ")}), CRASH_SEED=${seed}`,
);
const problems: string[] = [];
for (const dialect of DIALECTS) problems.push(...(await runDialect(dialect, seed)));
if (problems.length > 0) {
  console.error(`crash test FAILED (replay with CRASH_SEED=${seed}):\n${problems.map((p) => `  ${p}`).join("\n")}`);
  process.exit(1);
}
console.log("crash test passed: every released cable has exactly one delivery per addressee");
