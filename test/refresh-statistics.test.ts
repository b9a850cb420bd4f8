// After a large import PostgreSQL's statistics and visibility map are brought up to date, so searches are planned
// on the archive as it is even where autovacuum is off; SQLite has nothing to do.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importPaths } from "../src/services/import/index.ts";
import { readSeed } from "./helpers/seeds.ts";
import { DIALECTS, openTestStore } from "./helpers/test-stores.ts";

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "cablegram-refresh-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `count` copies of a seed as `{ text, id }` lines, with the ids 08STATE<from> onwards. */
function copiesOfSeed(from: number, count: number): string {
  const file = join(work, `copies-${from}-${count}.jsonl`);
  const text = readSeed("08STATE16245");
  const lines = Array.from({ length: count }, (_, i) => JSON.stringify({ text, id: `08STATE${from + i}` }));
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

describe.each(DIALECTS)("%s: statistics after an import", (dialect) => {
  it("are refreshed after 1,000 new cables or more, and the step is announced, on PostgreSQL only", async () => {
    const store = await openTestStore(dialect, "cg_refresh");
    try {
      const steps: string[] = [];
      const options = { onStep: (what: string) => steps.push(what), onWarning: () => undefined };
      const few = await importPaths(store, [copiesOfSeed(30_000, 999)], options);
      expect([few.imported, steps]).toEqual([999, []]);
      // 999 of these are the same cables again: one is new, so nothing is refreshed either.
      const again = await importPaths(store, [copiesOfSeed(30_000, 1_000)], options);
      expect([again.imported, again.present, steps]).toEqual([1, 999, []]);
      const many = await importPaths(store, [copiesOfSeed(40_000, 1_000)], options);
      expect(many.imported).toBe(1_000);
      if (dialect === "sqlite") {
        expect(steps).toEqual([]);
        return;
      }
      expect(steps).toEqual(["updating PostgreSQL's statistics of the archive (VACUUM ANALYZE)"]);
      // The planner's row count, -1 (never counted) until VACUUM or ANALYZE. Whether VACUUM may mark pages
      // all-visible depends on other sessions' open transactions, which a test run beside others cannot rule out.
      const { rows } = await sql<{ reltuples: number }>`
          SELECT reltuples FROM pg_class WHERE oid = 'cable_fts'::regclass`.execute(store.db);
      expect(rows[0]!.reltuples).toBe(2_000);
    } finally {
      await store.close();
    }
  });
});
