// Bulk import into a real archive, on SQLite and PostgreSQL: seeds, a corpus subset, idempotency, bad inputs,
// JSON Lines, memory flatness and the `cablegram import` command.
import { copyFileSync, createWriteStream, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import { join } from "node:path";
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.ts";
import { SYSTEM_READER } from "../src/services/access/reader.ts";
import { countCables } from "../src/services/archive/count-cables.ts";
import { readCable } from "../src/services/archive/read-cable.ts";
import { importPaths, type ImportProblem, type ImportWarning } from "../src/services/import/index.ts";
import type { Store } from "../src/store/open-store.ts";
import { parseTelegram } from "../src/telegram/index.ts";
import { CORPUS_DIR, corpusIndexEntries, sharedAvailable } from "./helpers/shared-data.ts";
import { readSeed, SEEDS_DIR } from "./helpers/seeds.ts";
import { cliEnv } from "./helpers/cli-env.ts";
import { DIALECTS, memoryIo, openTestStore } from "./helpers/test-stores.ts";

v8.setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

/** Heap still in use after a full collection: what an import keeps, not what it has yet to collect. */
function retainedHeap(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

const hasCorpus = sharedAvailable("corpus/cablegate/index.jsonl", "import of a corpus subset");

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "cablegram-import-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function recorder() {
  const problems: ImportProblem[] = [];
  const warnings: ImportWarning[] = [];
  return {
    problems,
    warnings,
    onProblem: (p: ImportProblem) => problems.push(p),
    onWarning: (w: ImportWarning) => warnings.push(w),
  };
}

/** Copies every 13th corpus cable (and always the partial extract 04AMMAN1288) with the matching index lines. */
function corpusSubset(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const chosen = corpusIndexEntries().filter(
    (e, i) => i % 13 === 0 || e.id === "04AMMAN1288" || e.id === "09MOSCOW1108",
  );
  for (const e of chosen) copyFileSync(join(CORPUS_DIR, e.file), join(dir, e.file));
  writeFileSync(join(dir, "index.jsonl"), chosen.map((e) => `${JSON.stringify(e)}\n`).join(""));
  return chosen.map((e) => e.id);
}

describe.each(DIALECTS)("%s: bulk import", (dialect) => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore(dialect, "import_test");
  });
  afterAll(async () => store?.close());

  describe.skipIf(!hasCorpus)("the seeds and a corpus subset", () => {
    let ids: string[];
    beforeAll(() => {
      ids = corpusSubset(join(work, `${dialect}-corpus`));
    });

    it("imports them all, taking canonical ids from the corpus index", async () => {
      const r = recorder();
      const summary = await importPaths(store, [SEEDS_DIR, join(work, `${dialect}-corpus`)], r);
      expect(r.problems).toEqual([]);
      expect(summary).toMatchObject({ imported: ids.length + 2, present: 0, failed: 0, skipped: [] });
      expect(await countCables(store, SYSTEM_READER)).toBe(ids.length + 2);
      const seed = await readCable(store, SYSTEM_READER, "08STATE16245");
      expect(seed?.raw).toBe(readSeed("08STATE16245"));
      expect(seed?.cable.precedence).toBe("IMMEDIATE");
      // A partial extract has no header: its id, date and classification come from the index.
      const extract = await readCable(store, SYSTEM_READER, "04AMMAN1288");
      expect(extract?.cable).toMatchObject({ id: "04AMMAN1288", classification: "SECRET" });
      expect(extract?.cable.dtg?.slice(0, 13)).toBe("2004-02-19T20");
      // 09MOSCOW1108 carries another cable's header; the index id wins.
      expect(await readCable(store, SYSTEM_READER, "09MOSCOW1108")).not.toBeNull();
    });

    it("adds nothing on a second run and reports every cable as already present", async () => {
      const summary = await importPaths(store, [SEEDS_DIR, join(work, `${dialect}-corpus`)]);
      expect(summary).toMatchObject({ imported: 0, present: ids.length + 2, failed: 0 });
      expect(await countCables(store, SYSTEM_READER)).toBe(ids.length + 2);
    });

    it("stores the same in batches of seven, written two at a time on PostgreSQL", async () => {
      const small = await openTestStore(dialect, "import_small");
      try {
        const paths = [SEEDS_DIR, join(work, `${dialect}-corpus`)];
        const first = await importPaths(small, paths, { batchSize: 7 });
        expect(first).toMatchObject({ imported: ids.length + 2, present: 0, failed: 0 });
        for (const id of ids) expect(await readCable(small, SYSTEM_READER, id), id).not.toBeNull();
        const again = await importPaths(small, paths, { batchSize: 7 });
        expect(again).toMatchObject({ imported: 0, present: ids.length + 2, failed: 0 });
        expect(await countCables(small, SYSTEM_READER)).toBe(ids.length + 2);
      } finally {
        await small.close();
      }
    });
  });

  describe("bad inputs", () => {
    it("reports each bad file or line with its path and reason, and imports the good ones", async () => {
      const dir = join(work, `${dialect}-bad`);
      mkdirSync(join(dir, "nested"), { recursive: true });
      writeFileSync(join(dir, "good.txt"), readSeed("09STATE39345"));
      writeFileSync(join(dir, "empty.txt"), "");
      writeFileSync(join(dir, "garbage.txt"), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0xff]));
      writeFileSync(join(dir, "latin1.txt"), Buffer.from("R\xe9sum\xe9 of the d\xe9marche", "latin1"));
      writeFileSync(join(dir, "no-id.txt"), "Dear colleagues,\n\nLunch is moved to Thursday.\n");
      writeFileSync(
        join(dir, "nested", "lines.jsonl"),
        [
          JSON.stringify({ text: readSeed("08STATE16245") }),
          "{ this is not json",
          JSON.stringify({ ...parseTelegram(readSeed("08STATE16245")), id: null }),
          JSON.stringify({ text: "no header at all", id: "07STATE166909" }),
        ].join("\n"),
      );
      symlinkSync("..", join(dir, "nested", "loop"));

      const r = recorder();
      const summary = await importPaths(store, [dir], r);
      const found = r.problems.map((p) => [p.path.slice(dir.length + 1), p.line ?? null, p.code]).sort();
      expect(found).toEqual(
        [
          ["empty.txt", null, "EMPTY"],
          ["garbage.txt", null, "BINARY"],
          ["latin1.txt", null, "NOT_UTF8"],
          ["nested/lines.jsonl", 2, "INVALID_JSON"],
          ["nested/lines.jsonl", 3, "NO_CABLE_ID"],
          ["nested/loop", null, "SYMLINK"],
          ["no-id.txt", null, "NO_CABLE_ID"],
        ].sort(),
      );
      for (const p of r.problems) expect(p.reason.length).toBeGreaterThan(10);
      expect(summary.failed).toBe(7);
      expect(summary.skipped.find((s) => s.code === "NO_CABLE_ID")?.count).toBe(2);
      // good.txt, the seed line and the text with a given id; each import may find the seeds already present.
      expect(summary.imported + summary.present).toBe(3);
      expect((await readCable(store, SYSTEM_READER, "07STATE166909"))?.raw).toBe("no header at all");
      expect(await readCable(store, SYSTEM_READER, "09STATE39345")).not.toBeNull();
    });

    it("warns when the index id overrules the parsed id, and reports the files the index lists but lacks", async () => {
      const dir = join(work, `${dialect}-index`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, "a.txt"), readSeed("08STATE16245"));
      const lines = [
        { id: "08STATE77", file: "a.txt" },
        { id: "08STATE78", file: "gone.txt" },
      ];
      writeFileSync(join(dir, "index.jsonl"), lines.map((l) => JSON.stringify(l)).join("\n"));
      const r = recorder();
      const summary = await importPaths(store, [dir], r);
      expect(r.warnings).toEqual([
        { path: join(dir, "a.txt"), reason: "id 08STATE77 from index.jsonl wins over the parsed id 08STATE16245" },
      ]);
      expect(r.problems).toEqual([expect.objectContaining({ path: join(dir, "gone.txt"), code: "MISSING_FILE" })]);
      expect(summary).toMatchObject({ imported: 1, failed: 1, warnings: 1 });
      expect((await readCable(store, SYSTEM_READER, "08STATE77"))?.cable.origin).toBe("STATE");
    });
  });

  describe("JSON Lines", () => {
    it("imports Cable JSON lines as `cablegram parse --batch` prints them, and {text, id} lines", async () => {
      const cable = parseTelegram(readSeed("09STATE39345"));
      const path = join(work, `${dialect}-model.jsonl`);
      writeFileSync(
        path,
        [
          JSON.stringify({ ...cable, id: "09STATE1001" }),
          "",
          JSON.stringify({ text: readSeed("08STATE16245"), id: "08STATE1002" }),
        ].join("\n") + "\n",
      );
      const progress: number[] = [];
      const summary = await importPaths(store, [path], { onProgress: (p) => progress.push(p.done) });
      expect(summary).toMatchObject({ imported: 2, failed: 0 });
      expect(progress.at(-1)).toBe(3);
      const fromModel = await readCable(store, SYSTEM_READER, "09STATE1001");
      expect(fromModel?.raw).toBeNull();
      expect(fromModel?.cable.subject).toBe(cable.subject);
      expect((await readCable(store, SYSTEM_READER, "08STATE1002"))?.raw).toBe(readSeed("08STATE16245"));
    });

    it("imports a Cable JSON file named explicitly, as `cablegram parse --json` prints it", async () => {
      const path = join(work, `${dialect}-one.json`);
      writeFileSync(path, JSON.stringify({ ...parseTelegram(readSeed("08STATE16245")), id: "08STATE1003" }, null, 2));
      expect(await importPaths(store, [path])).toMatchObject({ imported: 1, failed: 0 });
      expect((await readCable(store, SYSTEM_READER, "08STATE1003"))?.cable.precedence).toBe("IMMEDIATE");
    });
  });
});

// Streaming does not depend on the dialect, and 20,000 PostgreSQL inserts would take minutes: SQLite only.
describe("sqlite: memory during an import", () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore("sqlite", "import_memory");
  });
  afterAll(async () => store?.close());

  it("stays flat while importing a 20,000-line JSON Lines file twice the size of the bound", async () => {
    const path = join(work, "big.jsonl");
    const text = readSeed("09STATE39345");
    const out = createWriteStream(path);
    for (let i = 1; i <= 20_000; i += 1) {
      // Padding makes the file (200 MB) twice the bound, so an importer holding it would fail the test.
      const line = JSON.stringify({ text: `${text}\n${"padding ".repeat(700)}${i}`, id: `09STATE${500_000 + i}` });
      if (!out.write(`${line}\n`)) await once(out, "drain");
    }
    out.end();
    await once(out, "finish");

    // Retained memory is what must stay flat: collect garbage before each reading.
    const baseline = retainedHeap();
    let peak = baseline;
    const summary = await importPaths(store, [path], {
      onProgress: (p) => {
        if (p.done % 2000 === 0) peak = Math.max(peak, retainedHeap());
      },
    });
    expect(summary).toMatchObject({ imported: 20_000, failed: 0 });
    expect(peak - baseline).toBeLessThan(100 * 1024 * 1024);
  }, 300_000);
});

describe.each(DIALECTS)("%s: cablegram import", (dialect) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  async function archiveEnv(): Promise<Record<string, string>> {
    const { env, cleanup } = await cliEnv(dialect, "import_cli");
    cleanups.push(cleanup);
    return env;
  }

  it("imports the seeds, prints a summary, and finds them present on a second run", async () => {
    const env = await archiveEnv();
    const first = memoryIo(env);
    expect(await main(["import", SEEDS_DIR], first)).toBe(0);
    expect(first.out.join("\n")).toMatch(/^Imported 2 new cables, 0 already archived, 0 skipped, in [\d.]+ s/);
    const second = memoryIo(env);
    expect(await main(["import", SEEDS_DIR], second)).toBe(0);
    expect(second.out.join("\n")).toMatch(/^Imported 0 new cables, 2 already archived, 0 skipped/);
  });

  it("exits 1 and lists the skipped files by reason when some inputs are not cables", async () => {
    const dir = mkdtempSync(join(work, "cli-bad-"));
    writeFileSync(join(dir, "empty.txt"), "");
    writeFileSync(join(dir, "good.txt"), readSeed("08STATE16245"));
    const io = memoryIo(await archiveEnv());
    expect(await main(["import", dir], io)).toBe(1);
    expect(io.err).toContain(`${join(dir, "empty.txt")}: EMPTY: empty: nothing to import`);
    expect(io.out.join("\n")).toContain("Imported 1 new cable, 0 already archived, 1 skipped");
    expect(io.out.join("\n")).toMatch(/EMPTY\s+1 {2}e\.g\. .*empty\.txt/);
  });

  it("exits 2 with one line, and no stack trace, for a path that does not exist or a bad batch size", async () => {
    const io = memoryIo(await archiveEnv());
    expect(await main(["import", join(work, "nope")], io)).toBe(2);
    expect(await main(["import", "--batch-size", "0", SEEDS_DIR], io)).toBe(2);
    expect(io.err).toEqual([
      `cablegram import: ${join(work, "nope")}: no such file or directory`,
      'cablegram import: --batch-size must be a whole number from 1 to 100000, not "0"',
    ]);
  });
});
