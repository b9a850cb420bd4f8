// `npm run bench:export`: exporting a large search result, as the server and the CLI do: the rate (cables a second),
// the CPU a cable, and the peak resident memory of a process that does nothing but the export, for a ZIP of
// telegrams, JSON Lines and CSV. The archive is built first (copies of the two seeds with distinct ids and dates,
// stored with their telegram text), then each export runs in a child process of its own, so its peak RSS is its own.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import type { Cable, SearchExportFormat } from "../src/core/index.ts";
import { SEARCH_EXPORT_FORMATS } from "../src/core/index.ts";
import { SYSTEM_READER } from "../src/services/access/reader.ts";
import { archiveCables } from "../src/services/archive/index.ts";
import { SYSTEM_ACTOR } from "../src/services/audit/index.ts";
import { systemClock } from "../src/services/clock.ts";
import { exportSearch } from "../src/services/export/index.ts";
import { openStore } from "../src/store/open-store.ts";
import { parseTelegram } from "../src/telegram/index.ts";
import { readSeed } from "../test/helpers/seeds.ts";
import { describeMachine, loadLine } from "./machine.ts";
import { scratchSpace } from "./scratch-space.ts";

const BATCH = 1000;

const { values } = parseArgs({
  options: {
    cables: { type: "string", default: "50000" },
    formats: { type: "string", default: "zip,jsonl,csv" },
    child: { type: "string" },
    db: { type: "string" },
  },
});
const cables = Number(values.cables);
const formats = values.formats.split(",") as SearchExportFormat[];
if (!Number.isInteger(cables) || cables < 1 || !formats.every((f) => SEARCH_EXPORT_FORMATS.includes(f))) {
  console.error(`bench:export: --cables must be a positive whole number, --formats a list of ${SEARCH_EXPORT_FORMATS}`);
  process.exit(2);
}

/** What one export in a child process measured. */
type Measured = { count: number; bytes: number; wallMs: number; cpuMs: number; peakRssMb: number; baseRssMb: number };

if (values.child !== undefined && values.db !== undefined) {
  console.log(JSON.stringify(await exportOnce(values.db, values.child as SearchExportFormat)));
} else {
  await main();
}

/** Exports every cable of the archive at `file` in `format`, counting the bytes, and measures it. */
async function exportOnce(file: string, format: SearchExportFormat): Promise<Measured> {
  const store = await openStore({ dialect: "sqlite", file });
  const baseRssMb = process.memoryUsage().rss / 2 ** 20;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const deps = { store, clock: systemClock };
  const run = await exportSearch(deps, SYSTEM_ACTOR, SYSTEM_READER, { q: "", format, max: 10_000_000 });
  let bytes = 0;
  for await (const chunk of run.chunks) bytes += chunk.byteLength;
  const used = process.cpuUsage(cpu);
  const wallMs = performance.now() - started;
  await store.close();
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  return { count: run.count, bytes, wallMs, cpuMs: (used.user + used.system) / 1000, peakRssMb, baseRssMb };
}

async function main(): Promise<void> {
  const scratch = scratchSpace("export", "postgres://postgres@127.0.0.1:5432/test");
  try {
    console.log(`bench:export: ${describeMachine()}`);
    console.log(`load average before: ${loadLine()}`);
    const file = join(scratch.dir, "export.db");
    const store = await openStore({ dialect: "sqlite", file });
    const buildStarted = performance.now();
    const seeds = (["08STATE16245", "09STATE39345"] as const).map((id) => ({
      raw: readSeed(id),
      cable: parseTelegram(readSeed(id)),
    }));
    for (let start = 0; start < cables; start += BATCH) {
      const items = [];
      for (let i = start; i < Math.min(cables, start + BATCH); i++) {
        const seed = seeds[i % 2]!;
        const year = 1990 + (i % 20);
        const serial = 100_000 + i;
        const day = String(1 + (i % 28)).padStart(2, "0");
        const cable: Cable = {
          ...seed.cable,
          id: `${String(year).slice(2)}STATE${serial}`,
          serial,
          dtg: `${year}-03-${day}T10:00:00Z`,
        };
        items.push({ cable, raw: seed.raw, source: "bench" });
      }
      await archiveCables(store, items);
    }
    await store.close();
    console.log(
      `archive: ${cables.toLocaleString("en-US")} cables built in ${((performance.now() - buildStarted) / 1000).toFixed(1)} s`,
    );
    console.log("");
    console.log("format  cables   size      wall     cables/s  CPU/cable  peak RSS (at start)");
    const self = fileURLToPath(import.meta.url);
    for (const format of formats) {
      const out = execFileSync(process.execPath, ["--import", "tsx", self, "--child", format, "--db", file], {
        encoding: "utf8",
        maxBuffer: 1 << 20,
      });
      const m = JSON.parse(out.trim().split("\n").at(-1)!) as Measured;
      const rate = (m.count * 1000) / m.wallMs;
      console.log(
        `${format.padEnd(6)}  ${String(m.count).padEnd(7)}  ${(m.bytes / 2 ** 20).toFixed(1).padStart(6)} MB  ` +
          `${(m.wallMs / 1000).toFixed(1).padStart(5)} s  ${Math.round(rate).toLocaleString("en-US").padStart(8)}  ` +
          `${((m.cpuMs * 1000) / m.count).toFixed(0).padStart(6)} µs  ${m.peakRssMb.toFixed(0)} MB (${m.baseRssMb.toFixed(0)} MB)`,
      );
    }
    console.log("");
    console.log(`load average after: ${loadLine()}`);
  } finally {
    await scratch.cleanUp();
  }
}
