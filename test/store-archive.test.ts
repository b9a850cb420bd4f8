// The archive stores cables faithfully (model and raw text verbatim) and idempotently, on SQLite and PostgreSQL.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SYSTEM_READER } from "../src/services/access/index.ts";
import { archiveCables, countCables, readCable } from "../src/services/archive/index.ts";
import { CablegramError } from "../src/services/errors.ts";
import { FTS_AUTOMERGE, FTS_HASH_BYTES } from "../src/store/search-index.ts";
import type { Store } from "../src/store/open-store.ts";
import { variantOf, buildReader, seed } from "./helpers/archive-fixtures.ts";
import { DIALECTS, openTestStore } from "./helpers/test-stores.ts";

describe.each(DIALECTS)("%s: archive store", (dialect) => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore(dialect, "cg_store");
  });
  afterEach(async () => {
    await store.close();
  });

  it("gives back both seeds exactly: the model field by field and the raw text byte for byte", async () => {
    const seeds = [seed("08STATE16245"), seed("09STATE39345")];
    const before = Date.now();
    expect(
      await archiveCables(
        store,
        seeds.map((s) => ({ ...s, source: "seeds" })),
      ),
    ).toEqual({ inserted: 2, skipped: 0 });
    for (const s of seeds) {
      const archived = await readCable(store, SYSTEM_READER, s.cable.id!);
      expect(archived?.cable).toEqual(s.cable);
      expect(archived?.raw).toBe(s.raw);
      expect(archived?.source).toBe("seeds");
      expect(Date.parse(archived!.archivedAt)).toBeGreaterThanOrEqual(before - 1000);
    }
  });

  it("keeps a model whose body is not its paragraphs' text, and a cable without raw text", async () => {
    const { cable } = seed("08STATE16245");
    const odd = variantOf(cable, { id: "08STATE90001", body: "Body that the paragraphs do not give." });
    await archiveCables(store, [{ cable: odd, raw: null }]);
    const archived = await readCable(store, SYSTEM_READER, "08STATE90001");
    expect(archived?.cable).toEqual(odd);
    expect(archived?.raw).toBeNull();
    expect(archived?.source).toBeNull();
  });

  it("adds nothing when the same cables are archived twice, or twice in one batch", async () => {
    const a = seed("08STATE16245");
    const b = seed("09STATE39345");
    expect(await archiveCables(store, [a, a])).toEqual({ inserted: 1, skipped: 1 });
    expect(await archiveCables(store, [a, b])).toEqual({ inserted: 1, skipped: 1 });
    expect(await archiveCables(store, [a, b])).toEqual({ inserted: 0, skipped: 2 });
    expect(await countCables(store, SYSTEM_READER)).toBe(2);
  });

  it("finds a cable by its id in any case and with leading zeros", async () => {
    await archiveCables(store, [seed("08STATE16245")]);
    expect((await readCable(store, SYSTEM_READER, "08state016245"))?.cable.id).toBe("08STATE16245");
    expect(await readCable(store, SYSTEM_READER, "08STATE16246")).toBeNull();
  });

  it("rejects a batch holding a cable without an id, writing none of it", async () => {
    const good = seed("08STATE16245");
    const idless = { cable: { ...seed("09STATE39345").cable, id: null }, raw: null };
    const attempt = archiveCables(store, [good, idless]);
    await expect(attempt).rejects.toBeInstanceOf(CablegramError);
    await expect(attempt).rejects.toMatchObject({ code: "BAD_CABLE", details: { index: 1 } });
    expect(await countCables(store, SYSTEM_READER)).toBe(0);
  });

  it("answers null, as for a missing cable, when the reader may not read it", async () => {
    await archiveCables(store, [seed("09STATE39345")]);
    expect(await readCable(store, buildReader({ clearance: "UNCLASSIFIED" }), "09STATE39345")).toBeNull();
    expect(await readCable(store, buildReader({ clearance: "CONFIDENTIAL" }), "09STATE39345")).not.toBeNull();
    expect(await countCables(store, buildReader({ clearance: "UNCLASSIFIED" }))).toBe(0);
  });
});

describe("sqlite: full-text index settings", () => {
  it("buffers a whole import batch before writing a segment, and merges segments sixteen at a time", async () => {
    const store = await openTestStore("sqlite", "cg_store");
    try {
      const config = store.sqlite!.prepare("SELECT k, v FROM search.cable_fts_config").all() as {
        k: string;
        v: number;
      }[];
      const value = (k: string) => config.find((row) => row.k === k)?.v;
      expect(value("hashsize")).toBe(FTS_HASH_BYTES);
      expect(value("automerge")).toBe(FTS_AUTOMERGE);
      expect(FTS_HASH_BYTES).toBeGreaterThanOrEqual(500 * 20_000); // 500 cables of a long 20 kB body each
    } finally {
      await store.close();
    }
  });
});
