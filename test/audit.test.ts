// The audit log: recording, querying by user, time and action, the audited read and search, and `cablegram audit`.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { main } from "../src/cli/main.ts";
import { archiveCables } from "../src/services/archive/index.ts";
import {
  queryAudit,
  readCableAudited,
  recordAudit,
  recordAuditGrouped,
  searchCablesAudited,
  SYSTEM_ACTOR,
  type Actor,
} from "../src/services/audit/index.ts";
import type { Reader } from "../src/services/access/reader.ts";
import { fixedClock, type Deps } from "../src/services/clock.ts";
import { removeSavedSearch, saveSearch } from "../src/services/saved-searches/index.ts";
import { createUser } from "../src/services/users/index.ts";
import { openStore, storeConfigFromEnv, type Store } from "../src/store/open-store.ts";
import { parseTelegram } from "../src/telegram/index.ts";
import { cliEnv } from "./helpers/cli-env.ts";
import { rejectionOf } from "./helpers/expect-rejection.ts";
import { readSeed } from "./helpers/seeds.ts";
import { DIALECTS, memoryIo, openTestStore } from "./helpers/test-stores.ts";
import { SYSTEM_ACTING } from "../src/services/acting.ts";

const alice: Actor = { userId: "u-alice", username: "alice" };
const bob: Actor = { userId: "u-bob", username: "bob" };
const reader: Reader = { userId: "u-alice", clearance: "SECRET", accesses: [], lists: [], offices: [], post: null };

describe.each(DIALECTS)("%s: audit log", (dialect) => {
  let store: Store;
  let clock: ReturnType<typeof fixedClock>;
  let deps: Deps;
  beforeEach(async () => {
    store = await openTestStore(dialect, "audit_test");
    clock = fixedClock("2024-05-01T09:00:00Z");
    deps = { store, clock };
  });
  afterEach(() => store.close());

  it("records who did what when, and lists it newest first under filters", async () => {
    await recordAudit(deps, {
      actor: alice,
      action: "cable.read",
      target: "09STATE39345",
      detail: { classification: "CONFIDENTIAL" },
    });
    clock.advance(60_000);
    await recordAudit(deps, { actor: bob, action: "cable.search", target: "kosovo", resultCount: 2 });
    clock.advance(60_000);
    await recordAudit(deps, { actor: alice, action: "cable.search", target: "tag:PREL", resultCount: 0 });
    await recordAudit(deps, { actor: SYSTEM_ACTOR, action: "user.create", target: "carol" });

    const all = await queryAudit(store, SYSTEM_ACTING);
    expect(all.map((e) => [e.username, e.action, e.target])).toEqual([
      [null, "user.create", "carol"],
      ["alice", "cable.search", "tag:PREL"],
      ["bob", "cable.search", "kosovo"],
      ["alice", "cable.read", "09STATE39345"],
    ]);
    expect(all[3]).toMatchObject({
      at: "2024-05-01T09:00:00.000Z",
      userId: "u-alice",
      detail: { classification: "CONFIDENTIAL" },
    });
    expect((await queryAudit(store, SYSTEM_ACTING, { user: "ALICE" })).map((e) => e.target)).toEqual([
      "tag:PREL",
      "09STATE39345",
    ]);
    expect((await queryAudit(store, SYSTEM_ACTING, { since: "2024-05-01T09:01:00Z" })).map((e) => e.target)).toEqual([
      "carol",
      "tag:PREL",
      "kosovo",
    ]);
    expect((await queryAudit(store, SYSTEM_ACTING, { action: "cable.search" })).map((e) => e.resultCount)).toEqual([
      0, 2,
    ]);
    expect((await queryAudit(store, SYSTEM_ACTING, { action: "cable." })).length).toBe(3);
    expect((await queryAudit(store, SYSTEM_ACTING, { limit: 1 })).length).toBe(1);
  });

  it("commits the entries recorded in one turn in one transaction, and each entry as recorded", async () => {
    const transactions = vi.spyOn(store.db, "startTransaction");
    const queries = ["kosovo", "tag:PREL", "zzzunfindable", "security", "origin:STATE"];
    await Promise.all(
      queries.map((q, i) =>
        recordAuditGrouped(deps, { actor: bob, action: "cable.search", target: q, resultCount: i }),
      ),
    );
    expect(transactions).toHaveBeenCalledTimes(1);
    const entries = await queryAudit(store, SYSTEM_ACTING, { user: "bob" });
    expect(new Map(entries.map((e) => [e.target, e.resultCount]))).toEqual(new Map(queries.map((q, i) => [q, i])));
  });

  it("is read by archivists and administrators, and refused to anyone else with FORBIDDEN", async () => {
    await recordAudit(deps, { actor: bob, action: "cable.read", target: "08STATE16245" });
    const archivist = { username: "arch", roles: ["reader", "archivist"] as const };
    expect((await queryAudit(store, archivist)).map((e) => e.target)).toEqual(["08STATE16245"]);
    expect((await queryAudit(store, { username: "root", roles: ["admin"] })).length).toBe(1);
    const refused = await rejectionOf(queryAudit(store, { username: "drafter", roles: ["reader", "drafter"] }));
    expect([refused.code, refused.message]).toEqual([
      "FORBIDDEN",
      "Reading the audit log needs the archivist or admin role.",
    ]);
  });

  it("refuses a date or limit it cannot read with INVALID_INPUT", async () => {
    for (const filters of [{ since: "last tuesday" }, { limit: 0 }, { limit: "many" }]) {
      expect((await rejectionOf(queryAudit(store, SYSTEM_ACTING, filters as never))).code).toBe("INVALID_INPUT");
    }
  });

  describe("of the archive", () => {
    beforeEach(async () => {
      await archiveCables(store, [
        { cable: parseTelegram(readSeed("08STATE16245")), raw: null },
        { cable: parseTelegram(readSeed("09STATE39345")), raw: null },
      ]);
    });

    it("records reads of classified cables only, and never a miss", async () => {
      expect(await readCableAudited(deps, alice, reader, "08STATE16245")).not.toBeNull();
      expect(await readCableAudited(deps, alice, reader, "09STATE39345")).not.toBeNull();
      const low = { ...reader, clearance: "UNCLASSIFIED" as const };
      expect(await readCableAudited(deps, alice, low, "09STATE39345")).toBeNull();
      expect(await readCableAudited(deps, alice, reader, "99STATE1")).toBeNull();
      const entries = await queryAudit(store, SYSTEM_ACTING);
      expect(entries.map((e) => [e.action, e.target, e.detail])).toEqual([
        ["cable.read", "09STATE39345", { classification: "CONFIDENTIAL" }],
      ]);
    });

    it("records every search with its query and total", async () => {
      const result = await searchCablesAudited(deps, bob, reader, { q: "kosovo", limit: 1 });
      await searchCablesAudited(deps, bob, reader, { q: "zzzunfindable" });
      const entries = await queryAudit(store, SYSTEM_ACTING, { user: "bob" });
      expect(entries.map((e) => [e.target, e.resultCount])).toEqual([
        ["zzzunfindable", 0],
        ["kosovo", result.total],
      ]);
      expect(entries[1]!.detail).toMatchObject({ returned: 1, page: "first", totalIsLowerBound: false });
    });
  });
});

describe("cablegram audit", () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "cg-audit-cli-"));
    const store = await openStore({ dialect: "sqlite", file: join(dir, "cablegram.db") });
    const clock = fixedClock("2024-05-01T09:00:00Z");
    await recordAudit({ store, clock }, { actor: alice, action: "cable.search", target: "kosovo", resultCount: 2 });
    clock.advance(86_400_000);
    await recordAudit(
      { store, clock },
      { actor: bob, action: "cable.read", target: "09STATE39345", detail: { classification: "CONFIDENTIAL" } },
    );
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints entries newest first, one a line, filtered", async () => {
    const io = memoryIo({ CABLEGRAM_DATA_DIR: dir });
    expect(await main(["audit"], io)).toBe(0);
    expect(io.out).toEqual([
      '2024-05-02T09:00:00.000Z bob cable.read "09STATE39345" classification=CONFIDENTIAL',
      '2024-05-01T09:00:00.000Z alice cable.search "kosovo" results=2',
    ]);
    const filtered = memoryIo({ CABLEGRAM_DATA_DIR: dir });
    expect(
      await main(["audit", "--user", "alice", "--since", "2024-05-01", "--action", "cable.search", "--json"], filtered),
    ).toBe(0);
    expect(filtered.out.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ username: "alice", resultCount: 2 }),
    ]);
  });

  it.each(DIALECTS)("shows saving and removing a saved search on %s, with the query and which search", async (d) => {
    const { env, cleanup } = await cliEnv(d, "audit_saved");
    try {
      const store = await openStore(storeConfigFromEnv(env));
      const clock = fixedClock("2024-05-01T09:00:00Z");
      const user = await createUser({ store, clock }, SYSTEM_ACTING, {
        username: "alice",
        roles: ["reader"],
        clearance: "SECRET",
      });
      const saved = await saveSearch({ store, clock }, { user, search: { name: "Kosovo", query: "kosovo tag:PREL" } });
      clock.advance(60_000);
      await removeSavedSearch({ store, clock }, { user, id: saved.id });
      await store.close();
      const io = memoryIo(env);
      expect(await main(["audit", "--action", "search."], io)).toBe(0);
      expect(io.out).toEqual([
        `2024-05-01T09:01:00.000Z alice search.remove "kosovo tag:PREL" id=${saved.id} name=Kosovo sort=null`,
        `2024-05-01T09:00:00.000Z alice search.save "kosovo tag:PREL" id=${saved.id} name=Kosovo sort=null`,
      ]);
    } finally {
      await cleanup();
    }
  });

  it("explains a bad filter in one line and exits 2", async () => {
    const io = memoryIo({ CABLEGRAM_DATA_DIR: dir });
    expect(await main(["audit", "--since", "someday"], io)).toBe(2);
    expect(io.err[0]).toMatch(/^cablegram audit: INVALID_INPUT: .*since/);
    expect(io.err.join("\n")).not.toMatch(/\n\s+at /);
  });
});
