// bench:declass: the public reading room's search on a large archive. An archive of synthetic cables (09STATE39345's
// header and portions, each copy with its own id, date and a share of its words replaced by synthetic words drawn
// Zipf-like, so rare and common words both exist) of which a fifth have released versions made by the same pure
// function a review uses (released in full or in part, a few withheld in full): reading-room search p50/p95/p99 per
// query and over all, with CPU per search, on SQLite and PostgreSQL.
//
//   npm run bench:declass [-- --cables 250000 --released 50000 --dialect sqlite|postgres|both --repeat 20]
//   npm run bench:declass -- --keep /tmp/room   # keeps the archive (SQLite file, PostgreSQL schema) to search again
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { sql } from "kysely";
import { bodyOfParagraphs, type Cable, type Exemption, type ReviewDecision } from "../src/core/index.ts";
import { cableRecordOf } from "../src/services/archive/cable-record-of.ts";
import { readingRoomEntryOf, searchReadingRoom } from "../src/services/declass/index.ts";
import { writeCableRecords } from "../src/store/cable-writes.ts";
import { openStore, type Dialect, type Store } from "../src/store/open-store.ts";
import { parseTelegram } from "../src/telegram/index.ts";
import { readSeed } from "../test/helpers/seeds.ts";
import { ms, percentiles } from "./latency.ts";
import { describeMachine, loadLine } from "./machine.ts";
import { syntheticWord, VOCABULARY_SIZE } from "./replicate-corpus.ts";
import { scratchSpace } from "./scratch-space.ts";

const PG_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) || fallback : fallback;
};
const CABLES = arg("cables", 250_000);
const RELEASED = Math.min(CABLES, arg("released", 50_000));
const REPEAT = arg("repeat", 20);
const dialectArg = process.argv[process.argv.indexOf("--dialect") + 1];
const DIALECTS: Dialect[] =
  dialectArg === "sqlite" || dialectArg === "postgres" ? [dialectArg] : ["sqlite", "postgres"];
const keepAt = process.argv.indexOf("--keep");
/** With --keep DIR, the archives are built once there (and in a schema named for it) and searched again later. */
const KEEP = keepAt >= 0 ? process.argv[keepAt + 1] : undefined;
const BATCH = 1000;
/** One released version in this many is withheld in full instead (a withdrawal card). */
const WITHDRAWN_EVERY = 10;

const QUERIES = [
  "",
  "kosovo",
  "the",
  "international bodies",
  '"security council"',
  "recogn*",
  "tag:PREL",
  "origin:STATE",
  "kosovo -serbia",
  "from:2005 to:2006",
  `${syntheticWord(3)}`,
  `${syntheticWord(2000)}`,
  `${syntheticWord(20000)} kosovo`,
  "venezuela",
];

/** A deterministic pseudo-random sequence, so every run measures the same data. */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

const seed = parseTelegram(readSeed("09STATE39345"));
const rand = random(42);

/** The `i`th synthetic cable: the seed's header and portions, its own id and date, a share of its words replaced. */
function cableAt(i: number): Cable {
  const year = 1990 + (i % 20);
  const day = new Date(Date.UTC(year, 0, 1) + ((i * 7919) % 365) * 86_400_000 + (i % 1440) * 60_000);
  const paragraphs = seed.paragraphs.map((p) => ({
    ...p,
    text: p.text
      .split(" ")
      .map((w) => (rand() < 0.05 ? syntheticWord(Math.floor(VOCABULARY_SIZE * rand() ** 3)) : w))
      .join(" "),
  }));
  return {
    ...seed,
    id: `${String(year % 100).padStart(2, "0")}STATE${100_000 + i}`,
    serial: 100_000 + i,
    dtg: day.toISOString().replace(".000Z", "Z"),
    paragraphs,
    body: bodyOfParagraphs(paragraphs),
    warnings: [],
  };
}

/** The decision on a released cable: some paragraphs withheld, or (one in WITHDRAWN_EVERY) the whole cable. */
function decisionFor(cable: Cable, n: number): ReviewDecision {
  const codes: Exemption[] = ["1.4(b)", "1.4(d)"];
  if (n % WITHDRAWN_EVERY === 0)
    return { outcome: "withhold-in-full", exemptions: codes, subject: { action: "release" } };
  const portions = cable.paragraphs.map(() =>
    rand() < 0.3 ? { action: "withhold" as const, exemptions: codes } : { action: "release" as const },
  );
  const tags = cable.tags.map(() => ({ action: "release" as const }));
  const held = portions.some((p) => p.action === "withhold");
  return { outcome: held ? "release-in-part" : "release-in-full", portions, subject: { action: "release" }, tags };
}

function progress(text: string): void {
  process.stderr.write(`\r${text}`.padEnd(70));
}

async function build(store: Store): Promise<{ seconds: number }> {
  const start = performance.now();
  const every = Math.max(1, Math.floor(CABLES / RELEASED));
  let released = 0;
  for (let from = 0; from < CABLES; from += BATCH) {
    const cables = Array.from({ length: Math.min(BATCH, CABLES - from) }, (_, k) => cableAt(from + k));
    const at = new Date().toISOString();
    await writeCableRecords(
      store,
      cables.map((c) => cableRecordOf(c, null, "bench", at)),
    );
    const chosen = cables.filter((_, k) => (from + k) % every === 0 && released + k / every < RELEASED);
    const seqs = await store.db
      .selectFrom("cables")
      .select(["id", "seq"])
      .where(
        "id",
        "in",
        chosen.map((c) => c.id!),
      )
      .execute();
    const seqOf = new Map(seqs.map((r) => [r.id, Number(r.seq)]));
    await store.transaction(async (tx) => {
      for (const cable of chosen) {
        if (released >= RELEASED) break;
        const reviewId = `bench-${cable.id}`;
        const decision = decisionFor(cable, released);
        await tx.db
          .insertInto("declass_reviews")
          .values({
            id: reviewId,
            cable_id: cable.id!,
            reviewer_id: null,
            reviewer: "bench",
            decided_at: at,
            outcome: decision.outcome,
            decision: JSON.stringify(decision),
            review_on: null,
          })
          .execute();
        const entry = readingRoomEntryOf(cable, seqOf.get(cable.id!)!, reviewId, decision, {
          reviewer: "bench",
          date: at.slice(0, 10),
        });
        if (entry) await tx.readingRoom.write(entry);
        released += 1;
      }
    });
    progress(`archive: ${from + cables.length} cables, ${released} reviewed`);
  }
  process.stderr.write("\n");
  return { seconds: (performance.now() - start) / 1000 };
}

async function measure(store: Store): Promise<void> {
  const all: number[] = [];
  const cpuStart = process.cpuUsage();
  let searches = 0;
  console.log(
    `  ${"query".padEnd(28)} ${"total".padStart(7)} ${"p50".padStart(6)} ${"p95".padStart(6)} ${"p99".padStart(6)}`,
  );
  for (const q of QUERIES) {
    const first = await searchReadingRoom(store, { q });
    const samples: number[] = [];
    for (let i = 0; i < REPEAT; i += 1) {
      const start = performance.now();
      await searchReadingRoom(store, { q });
      samples.push(performance.now() - start);
      searches += 1;
    }
    all.push(...samples);
    const p = percentiles(samples);
    const total = `${first.total}${first.totalIsLowerBound ? "+" : ""}`;
    console.log(
      `  ${JSON.stringify(q).padEnd(28)} ${total.padStart(7)} ${ms(p.p50).padStart(6)} ${ms(p.p95).padStart(6)} ${ms(p.p99).padStart(6)}`,
    );
  }
  const cpu = process.cpuUsage(cpuStart);
  const p = percentiles(all);
  console.log(
    `  all ${p.n} searches: p50 ${ms(p.p50)} ms, p95 ${ms(p.p95)} ms (target at most 50 ms), p99 ${ms(p.p99)} ms; ` +
      `CPU of this process ${ms((cpu.user + cpu.system) / 1000 / searches)} ms a search`,
  );
}

const scratch = scratchSpace("declass", PG_URL);
const dir = KEEP ?? scratch.dir;
mkdirSync(dir, { recursive: true });
const kept = `bench_declass_kept_${CABLES}_${RELEASED}`;
try {
  console.log(`bench:declass: ${CABLES.toLocaleString("en")} cables, ${RELEASED.toLocaleString("en")} reviewed`);
  console.log(`machine: ${describeMachine()}; load average ${loadLine()}`);
  for (const dialect of DIALECTS) {
    const file = join(dir, `declass-${CABLES}-${RELEASED}.db`);
    const built = KEEP !== undefined && (dialect === "sqlite" ? existsSync(file) : existsSync(join(dir, kept)));
    const store =
      dialect === "sqlite"
        ? await openStore({ dialect, file })
        : await openStore({
            dialect,
            url: PG_URL,
            schema: KEEP ? kept : scratch.schema(`bench_declass_${process.pid}`),
            keys: { dir: join(dir, "keys") },
          });
    try {
      if (built) console.log(`${dialect}: the archive kept in ${dir}`);
      else {
        const { seconds } = await build(store);
        if (dialect === "postgres")
          await sql`ANALYZE reading_room, reading_room_fts, reading_room_tags`.execute(store.db);
        if (KEEP && dialect === "postgres") mkdirSync(join(dir, kept), { recursive: true });
        console.log(`${dialect}: built in ${seconds.toFixed(0)} s; load average ${loadLine()}`);
      }
      await measure(store);
      console.log(`${dialect}: load average after ${loadLine()}`);
    } finally {
      await store.close();
    }
  }
} finally {
  await scratch.cleanUp();
}
