// `npm run bench:reparse`: what parsing imported telegrams again on read costs, against storing their model as JSON.
// Builds the same archive in both forms in one process and times import, reading a cable, a search page with
// snippets and the routing lookup, alternating the forms round by round so that the machine's load falls on both.
import { createReadStream, existsSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { archiveCables, readCable, type ArchiveItem } from "../src/services/archive/index.ts";
import { searchCables } from "../src/services/search/index.ts";
import { modelOf } from "../src/services/archive/stored-model.ts";
import { routingHintOf } from "../src/services/distribution/routing-hint.ts";
import { cableFromTelegram, type TelegramHints } from "../src/services/archive/cable-from-telegram.ts";
import { openStore, type Dialect, type Store } from "../src/store/open-store.ts";
import { searchFileOf } from "../src/store/search-index.ts";
import { CORPUS_DIR, readCorpus } from "../test/helpers/shared-data.ts";
import { FULLY_CLEARED } from "./archive-queries.ts";
import { ms } from "./latency.ts";
import { describeMachine, loadLine } from "./machine.ts";
import { schemaBytes } from "./postgres-schema.ts";
import { scratchSpace } from "./scratch-space.ts";
import { replicateCorpus } from "./replicate-corpus.ts";

const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const BATCH = 500;
/** Search pages walked by date with a cursor: every page brings cables no earlier page showed. */
const FRESH_QUERY = "government";

/** The two stored forms: the verbatim text and the hints it is parsed again with, or the model as JSON beside it. */
const FORMS = ["text+hints", "model JSON"] as const;
type Form = (typeof FORMS)[number];

/** One timed operation in one round: the median wall time of a unit and the process CPU a unit, in ms. */
type Sample = { median: number; cpu: number };
type Operation = "import" | "read" | "search (new cables)" | "search (repeated)" | "routing lookup";
const OPERATIONS: Operation[] = ["import", "read", "search (new cables)", "search (repeated)", "routing lookup"];

const { values } = parseArgs({
  options: {
    cables: { type: "string", default: "20000" },
    rounds: { type: "string", default: "3" },
    reads: { type: "string", default: "300" },
    pages: { type: "string", default: "30" },
    dialect: { type: "string", default: "sqlite" },
  },
});
const cables = Number(values.cables);
const rounds = Number(values.rounds);
const reads = Number(values.reads);
const pages = Number(values.pages);
const dialects: Dialect[] = values.dialect === "both" ? ["sqlite", "postgres"] : [values.dialect as Dialect];
if (![cables, rounds, reads, pages].every((n) => Number.isInteger(n) && n > 0)) {
  console.error("bench:reparse: --cables, --rounds, --reads and --pages must be positive whole numbers");
  process.exit(2);
}
if (!dialects.every((d) => d === "sqlite" || d === "postgres")) {
  console.error("bench:reparse: --dialect must be sqlite, postgres or both");
  process.exit(2);
}
if (!existsSync(join(CORPUS_DIR, "index.jsonl"))) {
  console.log(`bench:reparse: skipped, the corpus is absent (${CORPUS_DIR}); the archive is built from it.`);
  process.exit(0);
}

const scratch = scratchSpace("reparse", PG_URL);
const work = scratch.dir;

try {
  console.log(`Re-parse benchmark: ${fmt(cables)} cables, ${rounds} rounds, ${dialects.join(" and ")}`);
  console.log(`Machine: ${describeMachine()}`);
  console.log(`Load average at start: ${loadLine()} (1, 5, 15 min)`);
  console.log("The machine is shared: compare the two forms within this run, not these figures with another run's.");
  const jsonl = join(work, "cables.jsonl");
  await replicateCorpus(readCorpus(), cables, jsonl);
  for (const dialect of dialects) await measureDialect(dialect, jsonl);
  console.log(`\nLoad average at end: ${loadLine()}`);
} finally {
  await scratch.cleanUp();
}

async function measureDialect(dialect: Dialect, jsonl: string): Promise<void> {
  const samples = new Map<string, Sample[]>();
  const add = (form: Form, op: Operation, s: Sample) => {
    const key = `${form}\u0000${op}`;
    samples.set(key, [...(samples.get(key) ?? []), s]);
  };
  const sizes = new Map<Form, number>();
  const stores = new Map<Form, Store>();
  let ids: string[] = [];
  try {
    for (let round = 0; round < rounds; round += 1) {
      // Alternate which form goes first, so neither always meets a warmer or a busier machine.
      const order = round % 2 === 0 ? FORMS : [...FORMS].reverse();
      for (const form of order) {
        progress(`${dialect}: round ${round + 1}, importing ${form}`);
        await stores.get(form)?.close();
        const store = await freshStore(dialect, form, round);
        stores.set(form, store);
        const imported = await timeImport(store, jsonl, form === "text+hints");
        ids = imported.ids;
        add(form, "import", imported.sample);
        sizes.set(form, await databaseBytes(store, dialect, form, round));
      }
      const sample = pick(ids, reads, round);
      for (const form of order) {
        progress(`${dialect}: round ${round + 1}, reading ${form}`);
        const store = stores.get(form)!;
        add(form, "read", await timeEach(sample, (id) => readCable(store, FULLY_CLEARED, id)));
        add(form, "search (new cables)", await timeFreshPages(store));
        add(form, "search (repeated)", await timeRepeatedPage(store, round));
        add(form, "routing lookup", await timeEach(sample, (id) => routingLookup(store, id)));
      }
    }
  } finally {
    for (const store of stores.values()) await store.close();
  }
  report(dialect, samples, sizes);
}

/**
 * Imports the JSON Lines file in batches as the importer does on one thread: parse, then archive with or without the
 * hints (with them, only the hints are stored beside the text). The sample is a cable: wall and CPU time divided.
 */
async function timeImport(store: Store, jsonl: string, withHints: boolean): Promise<{ sample: Sample; ids: string[] }> {
  const ids: string[] = [];
  let batch: ArchiveItem[] = [];
  const cpu = process.cpuUsage();
  const start = performance.now();
  const flush = async () => {
    await archiveCables(store, batch);
    batch = [];
  };
  for await (const line of createInterface({ input: createReadStream(jsonl), crlfDelay: Infinity })) {
    const { text, id } = JSON.parse(line) as { text: string; id: string };
    const hints: TelegramHints = { id: id as TelegramHints["id"], from: "the line's id" };
    const built = cableFromTelegram(text, hints);
    if ("code" in built) continue;
    ids.push(built.cable.id!);
    batch.push({ cable: built.cable, raw: text, source: "bench", ...(withHints ? { parsedWith: hints } : {}) });
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  const wall = performance.now() - start;
  return { sample: { median: wall / ids.length, cpu: cpuMs(cpu) / ids.length }, ids };
}

/** Times `call` on each input: the median of the calls, and the CPU a call over them all. */
async function timeEach<T>(inputs: readonly T[], call: (input: T) => Promise<unknown>): Promise<Sample> {
  await call(inputs[0]!);
  const times: number[] = [];
  const cpu = process.cpuUsage();
  for (const input of inputs) {
    const start = performance.now();
    await call(input);
    times.push(performance.now() - start);
  }
  return { median: median(times), cpu: cpuMs(cpu) / inputs.length };
}

/** Pages of 20 by date with snippets, each of cables no page before showed: their bodies are not remembered. */
async function timeFreshPages(store: Store): Promise<Sample> {
  let cursor: string | undefined;
  const times: number[] = [];
  const cpu = process.cpuUsage();
  for (let page = 0; page < pages; page += 1) {
    const start = performance.now();
    const result = await searchCables(store, FULLY_CLEARED, {
      q: FRESH_QUERY,
      limit: 20,
      sort: "date",
      ...(cursor ? { cursor } : {}),
    });
    times.push(performance.now() - start);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return { median: median(times), cpu: cpuMs(cpu) / times.length };
}

/** The same first page of 20 by relevance, asked for again and again: its bodies are remembered after the first. */
async function timeRepeatedPage(store: Store, round: number): Promise<Sample> {
  const q = ["nuclear", "election", "minister"][round % 3]!;
  const call = () => searchCables(store, FULLY_CLEARED, { q, limit: 20 });
  return timeEach(
    Array.from({ length: pages }, () => q),
    call,
  );
}

/**
 * Distribution's lookup when a cable is released (enqueue-deliveries.ts): the stored cables it cites are read and
 * their models made, for the offices they ask replies to be slugged for. Here the cited cable is `id` itself.
 */
async function routingLookup(store: Store, id: string): Promise<string[]> {
  const rows = await store.db
    .selectFrom("cables as c")
    .innerJoin("cable_texts as t", "t.seq", "c.seq")
    .select(["t.model", "t.raw", "t.parse_hints"])
    .where("c.id", "in", [id])
    .execute();
  return rows.flatMap((r) => routingHintOf(modelOf(r)));
}

function report(dialect: Dialect, samples: Map<string, Sample[]>, sizes: Map<Form, number>): void {
  const line = (s = "") => console.log(s);
  line();
  line(`${dialect}: median over ${rounds} rounds of each round's median wall time, and CPU (this process) a unit`);
  line(`  ${"operation".padEnd(22)}${FORMS.map((f) => `${f} wall / CPU ms`.padStart(28)).join("")}   wall ratio`);
  for (const op of OPERATIONS) {
    const [a, b] = FORMS.map((form) => {
      const list = samples.get(`${form}\u0000${op}`) ?? [];
      return { median: median(list.map((s) => s.median)), cpu: median(list.map((s) => s.cpu)) };
    });
    const cells = [a!, b!].map((s) => `${ms3(s.median)} / ${ms3(s.cpu)}`.padStart(28)).join("");
    line(`  ${op.padEnd(22)}${cells}   ${(a!.median / b!.median).toFixed(2)}x`);
  }
  const [textBytes, jsonBytes] = FORMS.map((f) => sizes.get(f) ?? 0);
  line(
    `  database size: text+hints ${mb(textBytes!)}, model JSON ${mb(jsonBytes!)} ` +
      `(${(jsonBytes! / textBytes!).toFixed(2)}x)`,
  );
  line(
    `  import is a cable (parse and archive on one thread); read is one readCable; search is a page of 20 with ` +
      `snippets; routing lookup is one cited cable`,
  );
}

async function freshStore(dialect: Dialect, form: Form, round: number): Promise<Store> {
  if (dialect === "sqlite") {
    rmSync(join(work, `${slug(form)}-${round - 1}.db`), { force: true });
    rmSync(searchFileOf(join(work, `${slug(form)}-${round - 1}.db`)), { force: true });
    return openStore({ dialect, file: join(work, `${slug(form)}-${round}.db`) });
  }
  const schema = `bench_reparse_${process.pid}_${slug(form).replace(/\W/g, "_")}_${round}`;
  scratch.schema(schema);
  return openStore({ dialect, url: PG_URL, schema });
}

async function databaseBytes(store: Store, dialect: Dialect, form: Form, round: number): Promise<number> {
  if (dialect === "postgres") return schemaBytes(PG_URL, scratch.lastSchema());
  store.sqlite!.pragma("wal_checkpoint(TRUNCATE)");
  store.sqlite!.pragma("search.wal_checkpoint(TRUNCATE)");
  // The archive and its search index file (search-index.ts).
  const file = join(work, `${slug(form)}-${round}.db`);
  return statSync(file).size + statSync(searchFileOf(file)).size;
}

/** `count` ids spread over the archive, a different spread each round. */
function pick(ids: readonly string[], count: number, round: number): string[] {
  const step = Math.max(1, Math.floor(ids.length / count));
  return Array.from({ length: Math.min(count, ids.length) }, (_, i) => ids[(i * step + round) % ids.length]!);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

function slug(form: Form): string {
  return form === "text+hints" ? "text" : "json";
}

function ms3(value: number): string {
  return value < 1 ? value.toFixed(3) : ms(value);
}

function progress(text: string): void {
  process.stderr.write(`${text}\n`);
}

function fmt(n: number): string {
  return n.toLocaleString("en-US");
}

function mb(bytes: number): string {
  return `${(bytes / 1024 ** 2).toFixed(0)} MB`;
}
