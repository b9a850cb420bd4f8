// Cables archived in a batch from another site are indexed after their commit, on the index's own writer thread,
// while the main connection goes on archiving and indexing releases in their own transactions: neither may fail
// for the other's writes, and every cable ends up searchable.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SYSTEM_READER } from "../src/services/access/reader.ts";
import { archiveCables } from "../src/services/archive/index.ts";
import { cableRecordOf } from "../src/services/archive/cable-record-of.ts";
import { searchCables } from "../src/services/search/index.ts";
import { writeCableRecords } from "../src/store/cable-writes.ts";
import { openStore, type Store } from "../src/store/open-store.ts";
import type { IndexDoc } from "../src/store/search-index.ts";
import { seed, variantOf } from "./helpers/archive-fixtures.ts";

let dir: string;
let store: Store;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "cablegram-index-later-"));
  store = await openStore({ dialect: "sqlite", file: join(dir, "cablegram.db") });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const base = seed("08STATE16245").cable;
const now = new Date().toISOString();
const cableNumbered = (prefix: string, n: number) =>
  variantOf(base, { id: `26${prefix}${100_000 + n}`, subject: `${prefix.toLowerCase()}word${n} recognition` });

/** Archives a batch as a site's arrivals are archived: rows committed first, the index written after, on the thread. */
async function archiveLater(cables: ReturnType<typeof cableNumbered>[]): Promise<void> {
  const later: IndexDoc[] = [];
  await store.transaction((tx) =>
    writeCableRecords(
      tx,
      cables.map((c) => cableRecordOf(c, null, "site:STATE", now)),
      { deferIndex: later },
    ),
  );
  await store.searchIndex.later(later);
}

describe("sqlite: indexing after the commit, on the index's own thread", () => {
  it("lets releases index in their own transactions meanwhile, and leaves every cable searchable", async () => {
    const arriving = Array.from({ length: 1200 }, (_, i) => cableNumbered("STATE", i));
    const released = Array.from({ length: 60 }, (_, i) => cableNumbered("PANAMA", i));
    for (let b = 0; b < arriving.length / 300; b++) {
      await archiveLater(arriving.slice(b * 300, b * 300 + 300));
      // The thread is indexing that batch while these commit one by one, each indexed in its own transaction.
      for (const cable of released.slice(b * 15, b * 15 + 15)) {
        const outcome = await archiveCables(store, [{ cable, raw: null, source: "release" }]);
        expect(outcome.inserted).toBe(1);
      }
    }
    await store.close();
    store = await openStore({ dialect: "sqlite", file: join(dir, "cablegram.db") });
    expect(store.searchIndex.unindexed()).toEqual([]);
    const found = async (q: string) => (await searchCables(store, SYSTEM_READER, { q, limit: 1 })).total;
    expect(await found("stateword1199")).toBe(1);
    expect(await found("panamaword59")).toBe(1);
    expect(await found("recognition")).toBe(1260);
  }, 60_000);
});
