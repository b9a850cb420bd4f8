// `npm run bench:rederive`: what keeping the archive true to the parser costs (rederiveArchive). Archives a few thousand
// corpus cables (../shared/corpus/cablegate, then cablegate-2011), then times three starts: one with nothing to derive again (the archive follows this parser), one
// after a parser change that alters no record (every cable parsed again and compared, none written), and one where
// every record differs (every cable's rows and search row written again). Rates beside the CPU a cable costs.
import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { join } from "node:path";
import { sql } from "kysely";
import { SYSTEM_READER } from "../src/services/access/index.ts";
import { archiveCables, countCables, rederiveArchive, type RederiveReport } from "../src/services/archive/index.ts";
import { cableFromTelegram } from "../src/services/archive/cable-from-telegram.ts";
import { openStore, type Dialect, type Store } from "../src/store/open-store.ts";
import { parseCableId } from "../src/core/index.ts";
import { SHARED_DIR, sharedAvailable, type CorpusIndexEntry } from "../test/helpers/shared-data.ts";
import { describeMachine, loadLine } from "./machine.ts";
import { scratchSpace } from "./scratch-space.ts";

const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const BATCH = 500;
const CORPORA = ["cablegate", "cablegate-2011"].map((name) => join(SHARED_DIR, "corpus", name));

const { values } = parseArgs({
  options: {
    cables: { type: "string", default: "5000" },
    dialect: { type: "string", default: "both" },
  },
});
const wanted = Number(values.cables);
const dialects: Dialect[] = values.dialect === "both" ? ["sqlite", "postgres"] : [values.dialect as Dialect];
if (!Number.isInteger(wanted) || wanted <= 0) {
  console.error("bench:rederive: --cables must be a positive whole number");
  process.exit(2);
}
if (!dialects.every((d) => d === "sqlite" || d === "postgres")) {
  console.error("bench:rederive: --dialect must be sqlite, postgres or both");
  process.exit(2);
}
if (!sharedAvailable("corpus/cablegate/index.jsonl", "bench:rederive")) {
  console.log("bench:rederive: skipped, the corpus is absent.");
  process.exit(0);
}

type CorpusCable = { entry: CorpusIndexEntry; text: string };

const scratch = scratchSpace("rederive", PG_URL);
try {
  const corpus = readCorpora(wanted);
  console.log(`Re-derivation benchmark: ${fmt(corpus.length)} corpus cables, ${dialects.join(" and ")}`);
  console.log(`Machine: ${describeMachine()}`);
  console.log(`Load average at start: ${loadLine()} (1, 5, 15 min)`);
  for (const dialect of dialects) {
    const store = await freshStore(dialect);
    try {
      await archiveCorpus(store, corpus);
      const archived = await countCables(store, SYSTEM_READER);
      console.log(`\n${dialect}: ${fmt(archived)} cables archived`);
      line("follows this parser (nothing to derive)", archived, await timed(() => rederiveArchive(store)));
      await markStale(store, false);
      line("parser changed, no record differs", archived, await timed(() => rederiveArchive(store)));
      await markStale(store, true);
      line("parser changed, every record differs", archived, await timed(() => rederiveArchive(store)));
    } finally {
      await store.close();
    }
  }
  console.log(`\nLoad average at end: ${loadLine()}`);
} finally {
  await scratch.cleanUp();
}

async function freshStore(dialect: Dialect): Promise<Store> {
  const keys = { dir: join(scratch.dir, "keys") };
  if (dialect === "sqlite") return openStore({ dialect, file: join(scratch.dir, "archive.db"), keys });
  return openStore({ dialect, url: PG_URL, schema: scratch.schema(`bench_rederive_${process.pid}`), keys });
}

/** Up to `wanted` cables of the corpora, in order: their index entries and texts. */
function readCorpora(wanted: number): CorpusCable[] {
  const out: CorpusCable[] = [];
  for (const dir of CORPORA) {
    if (!existsSync(join(dir, "index.jsonl"))) continue;
    for (const line of readFileSync(join(dir, "index.jsonl"), "utf8").split("\n")) {
      if (out.length >= wanted) return out;
      if (line.trim() === "") continue;
      const entry = JSON.parse(line) as CorpusIndexEntry;
      out.push({ entry, text: readFileSync(join(dir, entry.file), "utf8") });
    }
  }
  return out;
}

async function archiveCorpus(store: Store, corpus: CorpusCable[]): Promise<void> {
  for (let i = 0; i < corpus.length; i += BATCH) {
    const items = corpus.slice(i, i + BATCH).flatMap(({ entry, text }) => {
      const id = parseCableId(entry.id)?.id ?? null;
      const hints = { id, created: entry.created, classification: entry.classification, from: "index.jsonl" };
      const built = cableFromTelegram(text, hints);
      return "code" in built ? [] : [{ cable: built.cable, raw: text, parsedWith: hints }];
    });
    await archiveCables(store, items);
  }
}

/**
 * Makes every imported record another parser's: with `differs`, as one that read every cable differently (a lower
 * level, and no record of its addressees and body), so that every row and search row is written again.
 */
async function markStale(store: Store, differs: boolean): Promise<void> {
  const rows = differs ? sql`, class_rank = 0` : sql``;
  await sql`UPDATE cables SET parser_version = 'older'${rows} WHERE parser_version IS NOT NULL`.execute(store.db);
  if (differs) await sql`UPDATE cable_texts SET derived_digest = NULL`.execute(store.db);
}

type Timed = { report: RederiveReport; wallMs: number; cpuMs: number };

async function timed(run: () => Promise<RederiveReport>): Promise<Timed> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const report = await run();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { report, wallMs, cpuMs: (used.user + used.system) / 1000 };
}

function line(what: string, archived: number, t: Timed): void {
  const n = t.report.checked;
  const rate =
    n > 0 ? `${fmt(Math.round((n * 1000) / t.wallMs))} cables/s, ${(t.cpuMs / n).toFixed(2)} ms CPU a cable` : "";
  console.log(
    `  ${what.padEnd(42)} ${fmt(n).padStart(6)} of ${fmt(archived)} checked, ${fmt(t.report.changed).padStart(6)} ` +
      `written, ${(t.wallMs / 1000).toFixed(3).padStart(7)} s${rate ? `; ${rate}` : ""}`,
  );
}

function fmt(n: number): string {
  return n.toLocaleString("en-US");
}
