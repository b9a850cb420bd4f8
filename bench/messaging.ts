// `npm run bench:messaging`: release-to-inbox latency (p50/p99) of a cable to 280 posts, and sustained releases per
// second, on SQLite and PostgreSQL, through the HTTP API (in process, `app.inject`) with the dispatcher running.
// Targets (issue 4): p99 at most 50 ms, at least 200 releases/s on SQLite.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import type { Addressee } from "../src/core/index.ts";
import { buildApp } from "../src/server/app.ts";
import { systemClock } from "../src/services/clock.ts";
import { listPosts, loadDefaultDirectory } from "../src/services/directory/index.ts";
import { createUser } from "../src/services/users/index.ts";
import { openStore, type Dialect, type Store } from "../src/store/open-store.ts";
import { parseTelegram } from "../src/telegram/index.ts";
import { draftOf } from "../test/helpers/draft-body.ts";
import { SHARED_DIR } from "../test/helpers/shared-data.ts";
import { ms, percentiles } from "./latency.ts";
import { describeMachine } from "./machine.ts";

const PG_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const SEED = join(SHARED_DIR, "seeds", "08STATE16245.txt");
const TARGET_P99_MS = 50;
const TARGET_RELEASES_PER_S = 200;
const USER = { username: "bench", password: "bench passphrase long enough" };

const { values } = parseArgs({
  options: {
    dialect: { type: "string", default: "both" },
    posts: { type: "string", default: "280" },
    samples: { type: "string", default: "50" },
    releases: { type: "string", default: "400" },
    concurrency: { type: "string", default: "8" },
  },
});
const POSTS = Number(values.posts);
const SAMPLES = Number(values.samples);
const RELEASES = Number(values.releases);
const CONCURRENCY = Number(values.concurrency);
const dialects: Dialect[] = values.dialect === "both" ? ["sqlite", "postgres"] : [values.dialect as Dialect];
if (![POSTS, SAMPLES, RELEASES, CONCURRENCY].every((n) => Number.isInteger(n) && n > 0)) {
  console.error("bench:messaging: --posts, --samples, --releases and --concurrency must be positive whole numbers");
  process.exit(2);
}
if (!existsSync(SEED)) {
  console.error(`bench:messaging: the seed ${SEED} is absent; the benchmark drafts its cables from it.`);
  process.exit(2);
}

/** A store of the dialect of its own, and how to remove it. */
async function benchStore(dialect: Dialect): Promise<{ store: Store; cleanup(): Promise<void> }> {
  if (dialect === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "cablegram-bench-messaging-"));
    const store = await openStore({ dialect, file: join(dir, "cablegram.db") });
    return { store, cleanup: async () => (await store.close(), rmSync(dir, { recursive: true })) };
  }
  const schema = `bench_messaging_${process.pid}`;
  const store = await openStore({ dialect, url: PG_URL, schema });
  const cleanup = async () => {
    await store.close();
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).finally(() => client.end());
  };
  return { store, cleanup };
}

/** A JSON call to the app as the signed-in bench user; throws on anything but success. */
async function api(app: FastifyInstance, cookie: string, url: string, body: object): Promise<{ id: string }> {
  const headers = { cookie, "content-type": "application/json" };
  const res = await app.inject({ method: "POST", url, headers, payload: body });
  if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 400)}`);
  return res.json();
}

/** Waits until every delivery of the cable is delivered; polls the outbox, yielding to the dispatcher between. */
async function delivered(store: Store, cableId: string, expected: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const row = await store.db
      .selectFrom("deliveries")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("cable_id", "=", cableId)
      .where("state", "=", "delivered")
      .executeTakeFirstOrThrow();
    if (Number(row.n) >= expected) return;
    if (Date.now() > deadline) throw new Error(`${cableId}: ${row.n} of ${expected} delivered after 30 s`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function benchDialect(dialect: Dialect): Promise<void> {
  const { store, cleanup } = await benchStore(dialect);
  try {
    await loadDefaultDirectory(store);
    const deps = { store, clock: systemClock };
    await createUser(deps, { ...USER, roles: ["reader", "drafter", "approver"], clearance: "SECRET", post: "STATE" });
    const app = await buildApp({ store, clock: systemClock });
    try {
      const session = await app.inject({ method: "POST", url: "/api/session", payload: USER });
      const cookie = String(session.headers["set-cookie"]).split(";")[0]!;
      const seed = draftOf(parseTelegram(readFileSync(SEED, "utf8")));
      const posts = (await listPosts(store)).filter((p) => p.routingIndicator && p.name !== "SECSTATE WASHDC");
      if (posts.length < POSTS) throw new Error(`the directory has ${posts.length} posts, fewer than ${POSTS}`);
      const addressee = (p: (typeof posts)[number], precedence: Addressee["precedence"]): Addressee => ({
        route: p.routingIndicator,
        name: p.name,
        office: null,
        precedence,
        mcn: null,
      });
      const wide = {
        ...seed,
        to: posts.slice(0, 20).map((p) => addressee(p, "IMMEDIATE")),
        info: posts.slice(20, POSTS).map((p) => addressee(p, "ROUTINE")),
      };

      // Latency: one cable to POSTS posts at a time, from the release request to the last inbox holding it.
      const latencies: number[] = [];
      for (let i = 0; i <= SAMPLES; i++) {
        const { id: draft } = await api(app, cookie, "/api/drafts", wide);
        const start = performance.now();
        const { id } = await api(app, cookie, `/api/drafts/${draft}/release`, {});
        await delivered(store, id, POSTS);
        if (i > 0) latencies.push(performance.now() - start); // the first run warms up
      }
      const latency = percentiles(latencies);

      // Throughput: RELEASES prepared drafts of the seed (14 addressees) released CONCURRENCY at a time.
      const drafts: string[] = [];
      for (let i = 0; i < RELEASES; i++) drafts.push((await api(app, cookie, "/api/drafts", seed)).id);
      const start = performance.now();
      const released: string[] = [];
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < drafts.length) {
            const draft = drafts[next++]!;
            released.push((await api(app, cookie, `/api/drafts/${draft}/release`, {})).id);
          }
        }),
      );
      const releaseSeconds = (performance.now() - start) / 1000;
      await delivered(store, released.at(-1)!, seed.to.length + seed.info.length);
      const deliveredSeconds = (performance.now() - start) / 1000;

      const latencyOk = latency.p99 <= TARGET_P99_MS ? "meets" : "MISSES";
      const rate = RELEASES / releaseSeconds;
      const rateOk = dialect !== "sqlite" ? "" : rate >= TARGET_RELEASES_PER_S ? " (meets target)" : " (MISSES target)";
      console.log(`\n${dialect}`);
      console.log(
        `  release-to-inbox, 1 cable to ${POSTS} posts: p50 ${ms(latency.p50)} ms, p99 ${ms(latency.p99)} ms, ` +
          `max ${ms(latency.max)} ms over ${latency.n} (${latencyOk} p99 <= ${TARGET_P99_MS} ms)`,
      );
      console.log(
        `  sustained: ${RELEASES} releases (14 addressees each), ${CONCURRENCY} at a time: ` +
          `${rate.toFixed(0)} releases/s${rateOk}; all delivered at ${(RELEASES / deliveredSeconds).toFixed(0)}/s`,
      );
    } finally {
      await app.close();
    }
  } finally {
    await cleanup();
  }
}

console.log(`bench:messaging on ${describeMachine()}`);
for (const dialect of dialects) await benchDialect(dialect);
