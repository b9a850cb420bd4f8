// SQLite's search index lives in a file of its own: a bulk import writes it on a second thread, and a cable the
// index lacks (a crash between the two commits, a deleted file) is indexed again when the archive is next opened.
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.ts";
import { SYSTEM_READER } from "../src/services/access/reader.ts";
import { archiveCables, repairSearchIndex } from "../src/services/archive/index.ts";
import { searchCables } from "../src/services/search/index.ts";
import { importPaths } from "../src/services/import/index.ts";
import { openStore, type Store } from "../src/store/open-store.ts";
import { BULK_CHECKPOINT_PAGES, indexCables, searchFileOf, unindexedSeqs } from "../src/store/search-index.ts";
import { seed } from "./helpers/archive-fixtures.ts";
import { CORPUS_DIR, sharedAvailable } from "./helpers/shared-data.ts";
import { memoryIo } from "./helpers/test-stores.ts";

const hasCorpus = sharedAvailable("corpus/cablegate/index.jsonl", "indexing a corpus import on its own thread");

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "cablegram-search-index-"));
  file = join(dir, "cablegram.db");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const total = async (store: Store, q: string) => (await searchCables(store, SYSTEM_READER, { q, limit: 5 })).total;
const indexed = (store: Store) =>
  (store.sqlite!.prepare("SELECT count(*) FROM search.cable_fts_docsize").pluck().get() as number) ?? 0;

function removeIndexFile(): void {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${searchFileOf(file)}${suffix}`, { force: true });
}

describe("sqlite: the search index file", () => {
  it("sits beside the archive file, and an in-memory archive keeps its index in memory too", async () => {
    expect(searchFileOf(file)).toBe(join(dir, "cablegram-search.db"));
    expect(searchFileOf("archive")).toBe("archive-search");
    const store = await openStore({ dialect: "sqlite", file });
    await store.close();
    expect(existsSync(join(dir, "cablegram-search.db"))).toBe(true);
    const memory = await openStore({ dialect: "sqlite", file: ":memory:" });
    try {
      expect(memory.searchFile).toBeNull();
      await archiveCables(memory, [seed("08STATE16245")]);
      expect(await total(memory, "kosovo")).toBe(1);
    } finally {
      await memory.close();
    }
  });

  it("is rebuilt from the archive when deleted: the cables are found again, and a second repair finds none to do", async () => {
    let store = await openStore({ dialect: "sqlite", file });
    await archiveCables(store, [seed("08STATE16245"), seed("09STATE39345")]);
    const before = { kosovo: await total(store, "kosovo"), tag: await total(store, "tag:PREL") };
    expect(before.kosovo).toBe(2);
    await store.close();

    removeIndexFile();
    store = await openStore({ dialect: "sqlite", file });
    try {
      expect(await total(store, "kosovo")).toBe(0);
      expect(unindexedSeqs(store.sqlite!)).toHaveLength(2);
      const progress: [number, number][] = [];
      expect(await repairSearchIndex(store, (done, all) => progress.push([done, all]))).toBe(2);
      expect(progress).toEqual([[2, 2]]);
      expect({ kosovo: await total(store, "kosovo"), tag: await total(store, "tag:PREL") }).toEqual(before);
      expect(await repairSearchIndex(store)).toBe(0);
    } finally {
      await store.close();
    }
  });

  it("starts afresh an index found beside an archive not its own, or holding more cables than the archive", async () => {
    let store = await openStore({ dialect: "sqlite", file });
    await archiveCables(store, [seed("09STATE39345")]);
    await store.close();
    copyFileSync(file, join(dir, "backup.db")); // a backup of the archive with one cable, without its index

    store = await openStore({ dialect: "sqlite", file });
    await archiveCables(store, [seed("08STATE16245")]);
    expect(await total(store, "kosovo")).toBe(2);
    await store.close();

    // Restored from the older backup: the index knows a cable the archive does not.
    copyFileSync(join(dir, "backup.db"), file);
    store = await openStore({ dialect: "sqlite", file });
    expect(await repairSearchIndex(store)).toBe(1);
    expect(indexed(store)).toBe(1);
    expect(await total(store, "kosovo")).toBe(1);
    await store.close();

    // A new archive in place of the old one, beside the old one's index.
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
    store = await openStore({ dialect: "sqlite", file });
    try {
      await archiveCables(store, [seed("08STATE16245")]);
      expect(indexed(store)).toBe(1);
      expect(await total(store, "kosovo")).toBe(1);
      expect(await total(store, "tag:PREL")).toBe(1);
    } finally {
      await store.close();
    }
  });

  it("never indexes a cable twice, though a repair and an import's writer may both reach it", async () => {
    const store = await openStore({ dialect: "sqlite", file });
    try {
      await archiveCables(store, [seed("08STATE16245")]);
      const seq = store.sqlite!.prepare("SELECT seq FROM cables").pluck().get() as number;
      indexCables(store.sqlite!, [{ seq, subject: "kosovo", body: "kosovo again", meta: "" }]);
      expect(indexed(store)).toBe(1);
      expect(await total(store, "kosovo")).toBe(1);
      expect(await total(store, "again")).toBe(0);
    } finally {
      await store.close();
    }
  });

  it("is repaired by any cablegram command, which says how many cables it indexed", async () => {
    const store = await openStore({ dialect: "sqlite", file });
    await archiveCables(store, [seed("08STATE16245"), seed("09STATE39345")]);
    await store.close();
    removeIndexFile();

    const io = memoryIo({ CABLEGRAM_DATA_DIR: dir });
    expect(await main(["search", "kosovo"], io)).toBe(0);
    expect(io.err).toEqual(["cablegram: indexed 2 archived cables the search index lacked"]);
    expect(io.out.join("\n")).toContain("08STATE16245");
  });
});

describe.skipIf(!hasCorpus)("sqlite: a bulk import", () => {
  it("indexes on its own thread, and every cable is searchable when the import returns, as an inline one", async () => {
    const threaded = await openStore({ dialect: "sqlite", file });
    const inline = await openStore({ dialect: "sqlite", file: join(dir, "inline.db") });
    try {
      const checkpointing = () => threaded.sqlite!.pragma("wal_autocheckpoint", { simple: true });
      const during = new Set<unknown>();
      const summary = await importPaths(threaded, [CORPUS_DIR], {
        workers: 1,
        batchSize: 200,
        onProgress: (p) => void (p.imported > 0 && p.current !== null && during.add(checkpointing())),
      });
      // It waits for the disk less often while it runs, and leaves the archive as it found it.
      expect([...during]).toEqual([BULK_CHECKPOINT_PAGES]);
      expect(checkpointing()).toBe(1000);
      await importPaths(inline, [CORPUS_DIR], { workers: 0 });
      expect(summary.imported).toBeGreaterThan(1200);
      expect(indexed(threaded)).toBe(summary.imported);
      expect(unindexedSeqs(threaded.sqlite!)).toEqual([]);
      for (const q of ["kosovo", '"security council"', "tag:PREL", "class:SECRET", "ulaanbaatar"]) {
        expect([q, await total(threaded, q)]).toEqual([q, await total(inline, q)]);
      }
      expect(await total(threaded, "kosovo")).toBeGreaterThan(0);
    } finally {
      await threaded.close();
      await inline.close();
    }
  });
});
