// `npm run bench:declass-due`: the time to compute the declassification due list (issue 20's target: at most
// 200 ms) on a 250,000-cable archive, on SQLite and PostgreSQL, for an archivist and for the system.
//
// The archive is the corpus replicated as bench:archive builds it (replicate-corpus.ts: the same ids and dates). Each
// corpus cable is parsed once and its copies take its record with their own id and date, their schedule worked out
// again from that date, and their texts and body words left out: the due list reads the schedule's table and the
// access locks only, and parsing 250,000 telegrams on this machine would take longer than everything else.
import { createReadStream, existsSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { sql } from "kysely";
import { parseArgs } from "node:util";
import { declassSchedule, parseCableId, type Cable } from "../src/core/index.ts";
import { SYSTEM_ACTING } from "../src/services/acting.ts";
import { SYSTEM_READER, type Reader } from "../src/services/access/reader.ts";
import { cableFromTelegram } from "../src/services/archive/cable-from-telegram.ts";
import { cableRecordOf } from "../src/services/archive/cable-record-of.ts";
import { fixedClock } from "../src/services/clock.ts";
import { dueList } from "../src/services/declass/index.ts";
import type { CableRecord } from "../src/store/cable-record.ts";
import { writeCableRecords } from "../src/store/cable-writes.ts";
import { openStore, type Dialect } from "../src/store/open-store.ts";
import { CORPUS_DIR, readCorpus } from "../test/helpers/shared-data.ts";
import { ms, percentiles, type Percentiles } from "./latency.ts";
import { describeMachine, loadLine } from "./machine.ts";
import { replicateCorpus } from "./replicate-corpus.ts";
import { scratchSpace } from "./scratch-space.ts";

const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const TARGET_MS = 200;
const BATCH = 2000;
const TODAY = "2026-12-06T12:00:00Z";
/** An archivist cleared to SECRET with NOFORN, on no list: the access rule's EXISTS tests run for every row. */
const ARCHIVIST: Reader = {
  userId: "bench",
  clearance: "SECRET",
  accesses: ["NOFORN"],
  lists: [],
  offices: ["EUR/SCE"],
  post: "STATE",
};
const READERS: [string, Reader][] = [
  ["archivist (SECRET, NOFORN)", ARCHIVIST],
  ["system (everything)", SYSTEM_READER],
];

const { values } = parseArgs({
  options: {
    cables: { type: "string", default: "250000" },
    dialect: { type: "string", default: "both" },
    repeat: { type: "string", default: "20" },
  },
});
const cables = Number(values.cables);
const repeat = Number(values.repeat);
const dialects: Dialect[] = values.dialect === "both" ? ["sqlite", "postgres"] : [values.dialect as Dialect];
if (!Number.isInteger(cables) || cables < 1 || !Number.isInteger(repeat) || repeat < 1) {
  console.error("bench:declass-due: --cables and --repeat must be positive whole numbers");
  process.exit(2);
}
if (!dialects.every((d) => d === "sqlite" || d === "postgres")) {
  console.error("bench:declass-due: --dialect must be sqlite, postgres or both");
  process.exit(2);
}
if (!existsSync(join(CORPUS_DIR, "index.jsonl"))) {
  console.error(`bench:declass-due: the corpus is absent (${CORPUS_DIR}); it is what the archive is built from.`);
  process.exit(2);
}

const scratch = scratchSpace("declass-due", PG_URL);
try {
  console.log(`Declassification due list: ${fmt(cables)} cables, ${dialects.join(" and ")}, ${repeat} runs a reader`);
  console.log(`Machine: ${describeMachine()}`);
  console.log(`Load average at start: ${loadLine()} (1, 5, 15 min)`);
  const corpus = readCorpus();
  const jsonl = join(scratch.dir, "cables.jsonl");
  await replicateCorpus(corpus, cables, jsonl, (n) => progress(`generating cables: ${fmt(n)}`));
  progress(`generated ${fmt(cables)} cables\n`);
  // replicateCorpus writes the corpus's cables with a canonical id in order, copy after copy.
  const bases = corpus.flatMap(({ entry, text }) => {
    const original = parseCableId(entry.id);
    if (!original) return [];
    const built = cableFromTelegram(text, { id: original.id, from: "index.jsonl" });
    return "code" in built ? [] : [{ cable: built.cable, text }];
  });
  for (const dialect of dialects) await measure(dialect, jsonl, bases);
  console.log(`Load average at end: ${loadLine()}`);
} finally {
  await scratch.cleanUp();
}

async function measure(dialect: Dialect, jsonl: string, bases: { cable: Cable; text: string }[]): Promise<void> {
  const store =
    dialect === "sqlite"
      ? await openStore({ dialect, file: join(scratch.dir, "archive.db") })
      : await openStore({ dialect, url: PG_URL, schema: scratch.schema(`bench_declass_${process.pid}`) });
  try {
    const started = performance.now();
    let n = 0;
    let batch: CableRecord[] = [];
    const lines = createInterface({ input: createReadStream(jsonl), crlfDelay: Infinity });
    for await (const line of lines) {
      const id = /"id":"([^"]+)"\}$/.exec(line)?.[1];
      const base = bases[n % bases.length]!;
      n += 1;
      if (id) batch.push(copyRecord(base, id));
      if (batch.length >= BATCH) {
        await writeCableRecords(store, batch);
        batch = [];
        progress(`archiving (${dialect}): ${fmt(n)}`);
      }
    }
    if (batch.length > 0) await writeCableRecords(store, batch);
    // As an import of 1,000 cables or more ends (import-paths.ts): the planner sees the archive as it now is.
    if (dialect === "postgres") await sql`ANALYZE`.execute(store.db);
    progress(`archived ${fmt(n)} cables (${dialect}) in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
    const deps = { store, clock: fixedClock(TODAY) };
    for (const [name, reader] of READERS) {
      const samples: number[] = [];
      const cpu: number[] = [];
      let last = await dueList(deps, SYSTEM_ACTING, reader, { limit: 100 });
      for (let i = 0; i < repeat; i += 1) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        last = await dueList(deps, SYSTEM_ACTING, reader, { limit: 100 });
        samples.push(performance.now() - t0);
        const c = process.cpuUsage(c0);
        cpu.push((c.user + c.system) / 1000);
      }
      report(dialect, name, percentiles(samples), cpu, last.due, last.overdue, last.byOrigin.length);
    }
  } finally {
    await store.close();
  }
}

/** A copy of a corpus cable's record under the replica's id, dated in the replica's year, scheduled anew. */
function copyRecord(base: { cable: Cable; text: string }, id: string): CableRecord {
  const parsed = parseCableId(id)!;
  const dtg = base.cable.dtg === null ? null : shiftYear(base.cable.dtg, parsed.year);
  const cable: Cable = { ...base.cable, id: parsed.id, dtg };
  const record = cableRecordOf(cable, null, "bench", TODAY, undefined, null);
  const schedule = declassSchedule({
    classification: cable.classification,
    dtg,
    year: parsed.year,
    eo: cable.eo,
    text: base.text,
  });
  return {
    ...record,
    model: "",
    raw: "",
    parseHints: "{}",
    declass: { reviewOn: schedule.reviewOn, basis: schedule.basis, source: schedule.source, reason: schedule.reason },
    fts: { subject: record.fts.subject, body: "", meta: record.fts.meta },
  };
}

function shiftYear(iso: string, year: number): string {
  const leap = year % 4 === 0;
  const rest = iso.slice(4);
  return `${year}${!leap && rest.startsWith("-02-29") ? rest.replace("-02-29", "-02-28") : rest}`;
}

function report(
  dialect: Dialect,
  reader: string,
  p: Percentiles,
  cpu: number[],
  due: number,
  overdue: number,
  origins: number,
): void {
  const cpuMedian = percentiles(cpu).p50;
  const verdict = p.p95 <= TARGET_MS ? "meets" : "misses";
  console.log(
    `${dialect.padEnd(8)} ${reader.padEnd(28)} p50 ${ms(p.p50)} ms, p95 ${ms(p.p95)} ms, max ${ms(p.max)} ms ` +
      `(${verdict} ${TARGET_MS} ms); CPU ${ms(cpuMedian)} ms a due list in this process; ` +
      `${fmt(due)} due, ${fmt(overdue)} overdue, ${origins} origins; load ${loadLine()}`,
  );
}

function progress(text: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r${text}\u001b[K`);
  else if (text.endsWith("\n")) process.stderr.write(text);
}

function fmt(n: number): string {
  return n.toLocaleString("en-US");
}
