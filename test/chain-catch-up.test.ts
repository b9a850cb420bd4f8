// The one-time chaining of archived cables no link covers, as an import's first step: it reports its progress, and
// the CLI shows it once there are enough cables to be worth a bar, on SQLite and PostgreSQL.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHAIN_PROGRESS_FROM, importDisplay } from "../src/cli/import-progress.ts";
import { unchainedCables } from "../src/services/chain/chain-archived.ts";
import { importPaths } from "../src/services/import/index.ts";
import type { Store } from "../src/store/open-store.ts";
import { DIALECTS, memoryIo, openTestStore } from "./helpers/test-stores.ts";

const EXAMPLES = new URL("../examples/", import.meta.url).pathname;

for (const dialect of DIALECTS) {
  describe(`${dialect}: chaining what an import finds unchained`, () => {
    let store: Store;
    let empty: string;
    beforeAll(async () => {
      store = await openTestStore(dialect, "chain_catch_up");
      empty = mkdtempSync(join(tmpdir(), "cablegram-chain-catch-up-"));
    });
    afterAll(async () => {
      await store.close();
      rmSync(empty, { recursive: true, force: true });
    });

    it("reports the cables it chains, done and total, before importing", async () => {
      await importPaths(store, [EXAMPLES]);
      // As an archive from before imports were chained: the cables are stored, no link covers them.
      await store.db.deleteFrom("chain_cables").execute();
      const calls: [number, number][] = [];
      await importPaths(store, [empty], { onChaining: (done, total) => calls.push([done, total]) });
      expect(calls).toEqual([[2, 2]]);
      expect(await unchainedCables(store).select("c.id").execute()).toEqual([]);
    });

    it("reports nothing when every archived cable is chained", async () => {
      const calls: [number, number][] = [];
      await importPaths(store, [empty], { onChaining: (done, total) => calls.push([done, total]) });
      expect(calls).toEqual([]);
    });
  });
}

describe("the CLI's display of the catch-up chaining", () => {
  it("stays quiet for fewer cables than a bar is worth", () => {
    const io = { ...memoryIo({}), interactive: false };
    const display = importDisplay(io, "import");
    display.onChaining(CHAIN_PROGRESS_FROM - 1, CHAIN_PROGRESS_FROM - 1);
    display.stop();
    expect(io.err).toEqual([]);
  });

  it("prints where it is off a terminal, and always the end", () => {
    const io = { ...memoryIo({}), interactive: false };
    const display = importDisplay(io, "import");
    display.onChaining(2000, 3000);
    display.onChaining(3000, 3000);
    display.stop();
    expect(io.err).toEqual(["import: chaining archived cables: 3,000 of 3,000"]);
  });
});
