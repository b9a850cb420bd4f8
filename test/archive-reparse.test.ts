// The archive follows the parser (issue 18): an imported cable whose record an older parser derived (here with a
// lower classification, no caveat, other tags, no references and other addressees) is readable by no one until it
// is derived again, then locked by the new reading; an unchanged one only takes the new version. On SQLite and
// PostgreSQL, through the service, the CLI, and a server start.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCableId, type Cable } from "../src/core/index.ts";
import { main } from "../src/cli/main.ts";
import { SYSTEM_ACTING } from "../src/services/acting.ts";
import { fixedClock } from "../src/services/clock.ts";
import { dueList } from "../src/services/declass/index.ts";
import {
  archiveCables,
  countCables,
  parserVersion,
  readCable,
  rederiveArchive,
  referencesOf,
  staleCount,
} from "../src/services/archive/index.ts";
import { cableFromTelegram, type TelegramHints } from "../src/services/archive/cable-from-telegram.ts";
import { cableRecordOf } from "../src/services/archive/cable-record-of.ts";
import { verifyChain } from "../src/services/chain/index.ts";
import { searchCables } from "../src/services/search/index.ts";
import type { Store } from "../src/store/open-store.ts";
import { buildReader } from "./helpers/archive-fixtures.ts";
import { cliEnv, withStoreOf } from "./helpers/cli-env.ts";
import { readSeed } from "./helpers/seeds.ts";
import { DIALECTS, memoryIo, openTestStore } from "./helpers/test-stores.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const OLD_PARSER = "an-older-parser";
const RAISED = "09STATE39345";
const SAME = "08STATE16245";
/** The publisher's index says NOFORN: the reading today locks the cable CONFIDENTIAL and NOFORN. */
const HINTS: Record<string, TelegramHints> = {
  [RAISED]: { id: parseCableId(RAISED)!.id, classification: "CONFIDENTIAL//NOFORN", from: "index.jsonl" },
  [SAME]: { id: parseCableId(SAME)!.id, from: "index.jsonl" },
};

const cleared = buildReader({ clearance: "SECRET", accesses: ["NOFORN"] });
const uncleared = buildReader({ clearance: "UNCLASSIFIED" });
const confidentialOnly = buildReader({ clearance: "CONFIDENTIAL" });

function parsed(id: string): Cable {
  const built = cableFromTelegram(readSeed(id as "08STATE16245"), HINTS[id]);
  if ("code" in built) throw new Error(built.code);
  return built.cable;
}

/**
 * Archives the two seeds as an older parser derived them: 09STATE39345 read as UNCLASSIFIED, without its caveat and
 * INFO addressees, with a tag and a reference it does not have; 08STATE16245 exactly as today. Both carry the older
 * parser's version.
 */
async function archiveAsOlderParser(store: Store): Promise<void> {
  const now = new Date().toISOString();
  const older = structuredClone(parsed(RAISED));
  Object.assign(older, { classification: "UNCLASSIFIED", caveats: [], info: [] });
  older.references = [{ label: null, id: SAME, text: "08 STATE 16245" }];
  older.tags = [...older.tags, "OLDTAG"];
  const same = parsed(SAME);
  const items = [
    { cable: older, id: RAISED },
    { cable: same, id: SAME },
  ].map(({ cable, id }) => ({
    record: {
      ...cableRecordOf(cable, readSeed(id as "08STATE16245"), "old import", now, HINTS[id]),
      parserVersion: OLD_PARSER,
    },
    citing: cable,
  }));
  expect(await archiveCables(store, items)).toEqual({ inserted: 2, skipped: 0 });
}

for (const dialect of DIALECTS) {
  describe(`${dialect}: an imported cable derived by an older parser`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await openTestStore(dialect, "reparse");
      await archiveAsOlderParser(store);
    });
    afterAll(async () => store.close());

    it("is readable by no one, under its old locks or any, until it is derived again", async () => {
      expect(await staleCount(store)).toBe(2);
      // The older parser's locks (UNCLASSIFIED, no caveat) would let anyone read it: they are not trusted.
      for (const reader of [uncleared, cleared]) {
        expect(await readCable(store, reader, RAISED)).toBeNull();
        expect(await referencesOf(store, reader, RAISED)).toBeNull();
        const found = await searchCables(store, reader, { q: "kosovo" });
        // Not even counted: a count the index's access words decide alone does not see it either.
        expect([found.total, found.results.length]).toEqual([0, 0]);
      }
      expect(await countCables(store, uncleared)).toBe(0);
    });

    it("is derived again with the new locks, and the report names the fields that changed", async () => {
      const progress: [number, number][] = [];
      const report = await rederiveArchive(store, { onProgress: (done, total) => progress.push([done, total]) });
      expect(report).toMatchObject({ version: parserVersion(), checked: 2, changed: 1, stricter: 1, failed: [] });
      expect(report.fields).toEqual({
        classification: 1,
        caveats: 1,
        tags: 1,
        references: 1,
        addressees: 1,
        "search row": 1,
      });
      expect(progress).toEqual([[2, 2]]);
      expect(await staleCount(store)).toBe(0);
    });

    it("is then guarded by the new rule: only a reader cleared for CONFIDENTIAL with NOFORN reads it", async () => {
      expect(await readCable(store, uncleared, RAISED)).toBeNull();
      expect(await readCable(store, confidentialOnly, RAISED)).toBeNull();
      expect((await searchCables(store, uncleared, { q: "kosovo" })).results.map((r) => r.id)).toEqual([SAME]);
      const read = await readCable(store, cleared, RAISED);
      expect(read?.cable.classification).toBe("CONFIDENTIAL");
      expect((await searchCables(store, cleared, { q: "tag:UN kosovo" })).results.map((r) => r.id)).toEqual([RAISED]);
      expect((await searchCables(store, cleared, { q: "tag:OLDTAG" })).total).toBe(0);
      // The reference the older parser read is gone, and with it the citation of 08STATE16245.
      expect((await referencesOf(store, cleared, RAISED))?.references).toEqual([]);
      expect((await referencesOf(store, cleared, SAME))?.citedBy).toEqual([]);
      // The declassification schedule follows: the cable is due under its new locks, and to no one below them.
      const deps = { store, clock: fixedClock("2026-12-06T09:00:00Z") };
      expect((await dueList(deps, SYSTEM_ACTING, cleared)).cables.map((c) => [c.id, c.reviewOn])).toEqual([
        [RAISED, "2019-04-16"],
      ]);
      expect((await dueList(deps, SYSTEM_ACTING, uncleared)).due).toBe(0);
    });

    it("keeps the chain's guarantees: verify finds every stored row as the chained cable says", async () => {
      const verdict = await verifyChain(store);
      expect(verdict.problems).toEqual([]);
      expect(verdict.ok).toBe(true);
    });

    it("an archive that follows the parser derives nothing again", async () => {
      const report = await rederiveArchive(store);
      expect(report).toMatchObject({ checked: 0, changed: 0, fields: {} });
      // Checking every imported cable anyway finds nothing to change.
      expect(await rederiveArchive(store, { all: true })).toMatchObject({ checked: 2, changed: 0, fields: {} });
    });

    it("an interrupted run loses nothing: what it committed stays, the next run does the rest", async () => {
      await store.db.updateTable("cables").set({ parser_version: OLD_PARSER }).execute();
      const interrupted = rederiveArchive(store, {
        batch: 1,
        onProgress: () => {
          throw new Error("killed");
        },
      });
      await expect(interrupted).rejects.toThrow("killed");
      expect(await staleCount(store)).toBe(1);
      expect(await rederiveArchive(store)).toMatchObject({ checked: 1, changed: 0 });
    });
  });

  describe(`${dialect}: re-derivation by the CLI and on start`, () => {
    let env: Record<string, string>;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      ({ env, cleanup } = await cliEnv(dialect, "reparse_cli"));
      await withStoreOf(env, archiveAsOlderParser);
    });
    afterAll(async () => cleanup());

    it("`cablegram archive reparse` derives the stale cables again and prints the fields", async () => {
      const io = memoryIo(env);
      expect(await main(["archive", "reparse"], io)).toBe(0);
      expect(io.out[0]).toMatch(/^Derived 2 imported cables again with parser \w+ in [\d.]+ s: 1 changed, 1 of them/);
      expect(io.out.join("\n")).toMatch(
        /classification\s+1\n\s+caveats\s+1\n\s+tags\s+1\n\s+references\s+1\n\s+addressees\s+1/,
      );
      const again = memoryIo(env);
      expect(await main(["archive", "reparse"], again)).toBe(0);
      expect(again.out).toEqual([
        `Every imported cable was derived by this parser (${parserVersion()}): nothing to do.`,
      ]);
    });

    it("a server start derives them again before it listens", async () => {
      await withStoreOf(env, async (store) => {
        await store.db.updateTable("cables").set({ parser_version: OLD_PARSER }).execute();
        await store.db
          .updateTable("cables")
          .set({ classification: "UNCLASSIFIED", class_rank: 0 })
          .where("id", "=", RAISED)
          .execute();
      });
      const logs = await startAndStop({
        ...env,
        CABLEGRAM_IMPORT: "none",
        CABLEGRAM_ADMIN_PASSWORD: "reparse test passphrase",
      });
      const line = logs.find((l) => l.msg === "imported cables follow this parser");
      expect(line).toMatchObject({ checked: 2, changed: 1, fields: { classification: 1 } });
      const listening = logs.findIndex((l) => l.msg === "Cablegram is listening");
      expect(logs.indexOf(line!)).toBeLessThan(listening);
      await withStoreOf(env, async (store) => expect(await staleCount(store)).toBe(0));
    });
  });
}

/** Runs `cablegram serve` until it listens, stops it, and answers its log lines (JSON, stdout being a pipe). */
async function startAndStop(env: Record<string, string>): Promise<Record<string, unknown>[]> {
  const child = spawn(process.execPath, ["bin/cablegram.js", "serve"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", PORT: "0", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: Record<string, unknown>[] = [];
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    let pending = "";
    const timer = setTimeout(() => reject(new Error(`serve did not listen within 60 s; stderr: ${stderr}`)), 60_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      pending += chunk.toString("utf8");
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const text of lines) {
        const record = JSON.parse(text) as Record<string, unknown>;
        logs.push(record);
        if (record.msg === "Cablegram is listening") {
          clearTimeout(timer);
          resolve();
        }
      }
    });
    void exited.then((code) => reject(new Error(`serve exited with ${code} before listening; stderr: ${stderr}`)));
  });
  child.kill("SIGTERM");
  await exited;
  return logs;
}
