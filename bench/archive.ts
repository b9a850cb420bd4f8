// `npm run bench:archive`: builds a large archive from the corpus and measures import rate, database size and
// search latency on SQLite and PostgreSQL, as ratios to a bare SQLite FTS5 table fed the same texts.
import { existsSync, statSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { importDisplay } from "../src/cli/import-progress.ts";
import type { Reader } from "../src/services/access/reader.ts";
import { searchCables } from "../src/services/search/index.ts";
import { importPaths } from "../src/services/import/index.ts";
import { openStore, type Dialect, type Store } from "../src/store/open-store.ts";
import { searchFileOf } from "../src/store/search-index.ts";
import { CORPUS_DIR, readCorpus } from "../test/helpers/shared-data.ts";
import { BARELY_CLEARED, FULLY_CLEARED, QUERIES } from "./archive-queries.ts";
import { measureBareFts5, type BareFigures } from "./bare-fts5.ts";
import { measureBarePostgres, measurePostgresParsing } from "./bare-postgres.ts";
import { ms, percentiles, timeRepeated, type Percentiles } from "./latency.ts";
import { describeMachine, loadLine } from "./machine.ts";
import { schemaBytes } from "./postgres-schema.ts";
import { scratchSpace } from "./scratch-space.ts";
import { replicateCorpus } from "./replicate-corpus.ts";

const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const TARGET_P95_MS = 50;
const BARE_POSTGRES_SAMPLE = 20_000;
let lastProgress = 0;
const READERS: [string, Reader][] = [
  ["fully cleared", FULLY_CLEARED],
  ["UNCLASSIFIED", BARELY_CLEARED],
];

type ArchiveFigures = {
  dialect: Dialect;
  imported: number;
  rate: number;
  /** CPU milliseconds a cable while importing: this process, all its threads (not PostgreSQL's server). */
  cpuPerCable: number;
  bytes: number;
  /** Per reader name, then per query label. */
  latency: Map<string, Map<string, Percentiles>>;
  all: Map<string, Percentiles>;
  /** Over the queries the bare table also runs, for a like-for-like ratio. */
  text: Map<string, Percentiles>;
  totals: Map<string, string>;
  /** Load average (1, 5, 15 min) when its searches ended: figures are only as good as the machine was quiet. */
  load: string;
};

const { values } = parseArgs({
  options: {
    cables: { type: "string", default: "250000" },
    dialect: { type: "string", default: "both" },
    repeat: { type: "string", default: "10" },
  },
});
const cables = Number(values.cables);
const repeat = Number(values.repeat);
const dialects: Dialect[] = values.dialect === "both" ? ["sqlite", "postgres"] : [values.dialect as Dialect];
if (!Number.isInteger(cables) || cables < 1 || !Number.isInteger(repeat) || repeat < 1) {
  console.error("bench:archive: --cables and --repeat must be positive whole numbers");
  process.exit(2);
}
if (!dialects.every((d) => d === "sqlite" || d === "postgres")) {
  console.error("bench:archive: --dialect must be sqlite, postgres or both");
  process.exit(2);
}
if (!existsSync(join(CORPUS_DIR, "index.jsonl"))) {
  console.error(`bench:archive: the corpus is absent (${CORPUS_DIR}); it is what the archive is built from.`);
  process.exit(2);
}

const scratch = scratchSpace("archive", PG_URL);
const work = scratch.dir;

try {
  console.log(`Archive benchmark: ${cables.toLocaleString("en-US")} cables, ${dialects.join(" and ")}`);
  console.log(`Machine: ${describeMachine()}`);
  // Other work on the machine skews every figure: say how busy it was.
  console.log(
    `Load average at start: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(", ")} (1, 5, 15 min)`,
  );
  const jsonl = join(work, "cables.jsonl");
  const corpus = readCorpus();
  const bytes = await replicateCorpus(corpus, cables, jsonl, (n) => progress(`generating cables: ${fmt(n)}`));
  progress(`generated ${fmt(cables)} cables, ${mb(bytes)} of JSON Lines\n`);

  const bare = await measureBareFts5(jsonl, join(work, "bare.db"), QUERIES, repeat, (n) =>
    progress(`bare FTS5 table: ${fmt(n)} inserted`),
  );
  const bareLoad = loadLine();
  progress(`bare FTS5 table: done\n`);
  // Full-text indexing alone costs more on PostgreSQL: measure it on a sample, to read its import rate against.
  const sample = Math.min(cables, BARE_POSTGRES_SAMPLE);
  const barePostgres = dialects.includes("postgres")
    ? {
        table: await measureBarePostgres(jsonl, PG_URL, sample),
        parsing: await measurePostgresParsing(jsonl, PG_URL, sample, availableParallelism()),
        sample,
      }
    : null;
  const figures: ArchiveFigures[] = [];
  for (const dialect of dialects) figures.push(await measureArchive(dialect, jsonl));
  report(bare, bareLoad, barePostgres, figures);
  console.log(
    `Load average at end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(", ")}`,
  );
} finally {
  await scratch.cleanUp();
}

async function measureArchive(dialect: Dialect, jsonl: string): Promise<ArchiveFigures> {
  const store = await freshStore(dialect);
  try {
    const display = importDisplay(
      { stderr: (t) => void process.stderr.write(`${t}\n`), interactive: Boolean(process.stderr.isTTY) },
      `import (${dialect})`,
    );
    // Warnings (index ids overruling parsed ones) are expected on copies; count them, do not print them.
    const cpuStart = process.cpuUsage();
    const summary = await importPaths(store, [jsonl], { ...display, onWarning: () => undefined }).finally(() =>
      display.stop(),
    );
    const rate = (summary.imported * 1000) / summary.elapsedMs;
    const cpu = process.cpuUsage(cpuStart);
    const cpuPerCable = (cpu.user + cpu.system) / 1000 / summary.imported;
    const size = await databaseBytes(store, dialect);

    const latency = new Map<string, Map<string, Percentiles>>();
    const all = new Map<string, Percentiles>();
    const text = new Map<string, Percentiles>();
    const totals = new Map<string, string>();
    for (const [name, reader] of READERS) {
      const perQuery = new Map<string, Percentiles>();
      const every: number[] = [];
      const textual: number[] = [];
      for (const query of QUERIES) {
        progress(`searching (${dialect}, ${name}): ${query.label}`);
        const options = { q: query.q, limit: 20, ...(query.sort ? { sort: query.sort } : {}) };
        const samples = await timeRepeated(() => searchCables(store, reader, options), repeat);
        perQuery.set(query.label, percentiles(samples));
        every.push(...samples);
        if (query.bare !== undefined) textual.push(...samples);
        if (reader === FULLY_CLEARED) {
          const r = await searchCables(store, reader, options);
          totals.set(query.label, `${fmt(r.total)}${r.totalIsLowerBound ? "+" : ""}`);
        }
      }
      latency.set(name, perQuery);
      all.set(name, percentiles(every));
      text.set(name, percentiles(textual));
    }
    progress(`searching (${dialect}): done\n`);
    return {
      dialect,
      imported: summary.imported,
      rate,
      cpuPerCable,
      bytes: size,
      latency,
      all,
      text,
      totals,
      load: loadLine(),
    };
  } finally {
    await store.close();
  }
}

/**
 * The PostgreSQL yardsticks, in cables (texts) a second over the first `sample` texts: the bare tsvector + GIN
 * table, and to_tsvector alone.
 */
type BarePostgres = { table: number; parsing: number; sample: number };

function report(
  bare: BareFigures,
  bareLoad: string,
  barePostgres: BarePostgres | null,
  figures: ArchiveFigures[],
): void {
  const line = (s = "") => console.log(s);
  line();
  line(
    `Bare FTS5 table: ${fmt(Math.round(bare.rate))} cables/s (CPU ${bare.cpuPerCable.toFixed(2)} ms a cable), ` +
      `${mb(bare.bytes)}, top 20 + count p50/p95/p99 ` +
      `${ms(bare.all.p50)}/${ms(bare.all.p95)}/${ms(bare.all.p99)} ms over its ${bare.latency.size} text queries ` +
      `(load average after it: ${bareLoad})`,
  );
  if (barePostgres !== null) {
    line(
      `Bare PostgreSQL tsvector + GIN table: ${fmt(Math.round(barePostgres.table))} cables/s (first ${fmt(barePostgres.sample)} texts)`,
    );
    line(
      `PostgreSQL's to_tsvector alone, nothing stored: ${fmt(Math.round(barePostgres.parsing))} texts/s on ` +
        `${availableParallelism()} connections, ${(barePostgres.parsing / bare.rate).toFixed(2)}x the bare FTS5 table ` +
        `(no import whose tsvectors PostgreSQL makes can go faster here)`,
    );
  }
  for (const f of figures) {
    line();
    line(
      `${f.dialect}: imported ${fmt(f.imported)} cables at ${fmt(Math.round(f.rate))} cables/s ` +
        `(CPU ${f.cpuPerCable.toFixed(2)} ms a cable on ${availableParallelism()} cores) ` +
        `(${(f.rate / bare.rate).toFixed(2)}x the bare FTS5 table; target >= 1.00` +
        `${f.dialect === "postgres" && barePostgres ? `; ${(f.rate / barePostgres.table).toFixed(2)}x the bare PostgreSQL table` : ""}), ` +
        `database ${mb(f.bytes)} ` +
        `(${(f.bytes / bare.bytes).toFixed(1)}x): ${f.rate >= bare.rate ? "meets" : "MISSES"} the import target`,
    );
    line(`  load average after its searches: ${f.load}`);
    for (const [name] of READERS) {
      const a = f.all.get(name)!;
      const t = f.text.get(name)!;
      const verdict = a.p95 <= TARGET_P95_MS ? "meets" : "MISSES";
      line(
        `  ${name.padEnd(13)} search p50/p95/p99 ${ms(a.p50)}/${ms(a.p95)}/${ms(a.p99)} ms over ${a.n} searches ` +
          `(${verdict} the ${TARGET_P95_MS} ms target); on the bare table's ${bare.latency.size} text queries p95 ` +
          `${ms(t.p95)} ms, ${(t.p95 / bare.all.p95).toFixed(2)}x the bare table's`,
      );
    }
    line(
      `  ${"query".padEnd(24)} ${"matches".padStart(8)}  ${READERS.map(([n]) => `${n} p50/p95/p99`.padStart(28)).join("")}` +
        `${"bare p50/p95/p99".padStart(20)}`,
    );
    for (const q of QUERIES) {
      const cells = READERS.map(([n]) => {
        const p = f.latency.get(n)!.get(q.label)!;
        return `${ms(p.p50)}/${ms(p.p95)}/${ms(p.p99)}${p.p95 > TARGET_P95_MS ? "!" : " "}`.padStart(28);
      }).join("");
      const b = bare.latency.get(q.label);
      line(
        `  ${`${q.label}${q.sort === "date" ? " (date)" : ""}`.padEnd(24)} ${f.totals.get(q.label)!.padStart(8)}  ${cells}` +
          `${(b ? `${ms(b.p50)}/${ms(b.p95)}/${ms(b.p99)}` : "-").padStart(20)}`,
      );
    }
    line(`  (! marks a query whose own p95 is above ${TARGET_P95_MS} ms)`);
  }
}

async function freshStore(dialect: Dialect): Promise<Store> {
  if (dialect === "sqlite") return openStore({ dialect, file: join(work, "archive.db") });
  const schema = `bench_archive_${process.pid}`;
  scratch.schema(schema);
  return openStore({ dialect, url: PG_URL, schema });
}

async function databaseBytes(store: Store, dialect: Dialect): Promise<number> {
  if (dialect === "sqlite") {
    store.sqlite!.pragma("wal_checkpoint(TRUNCATE)");
    store.sqlite!.pragma("search.wal_checkpoint(TRUNCATE)");
    // The archive and its search index file (search-index.ts).
    return statSync(join(work, "archive.db")).size + statSync(searchFileOf(join(work, "archive.db"))).size;
  }
  return schemaBytes(PG_URL, scratch.lastSchema());
}

/** Progress on stderr: rewritten in place on a terminal, else a line every five seconds and each final line. */
function progress(text: string): void {
  if (process.stderr.isTTY) return void process.stderr.write(`\r\x1b[2K${text}`);
  const now = Date.now();
  if (!text.endsWith("\n") && now - lastProgress < 5000) return;
  lastProgress = now;
  process.stderr.write(text.endsWith("\n") ? text : `${text}\n`);
}

function fmt(n: number): string {
  return n.toLocaleString("en-US");
}

function mb(bytes: number): string {
  return `${(bytes / 1024 ** 2).toFixed(0)} MB`;
}
