// Saved searches over HTTP, on SQLite and PostgreSQL: a user saves, lists, runs and removes their own; names are
// unique per user (case aside); unreadable queries are refused with their position; nobody reaches another's;
// saving and removing are audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryAudit } from "../src/services/audit/index.ts";
import { saveSearch } from "../src/services/saved-searches/index.ts";
import { MAX_SAVED_SEARCHES } from "../src/services/saved-searches/saved-search.ts";
import { findUser } from "../src/services/users/index.ts";
import { call, startTestServer, type TestServer } from "./helpers/server-fixtures.ts";
import { DIALECTS } from "./helpers/test-stores.ts";
import { SYSTEM_ACTING } from "../src/services/acting.ts";

type Saved = { id: string; name: string; query: string; sort: string | null; createdAt: string };

describe.each(DIALECTS)("%s: saved searches", (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(() => server?.close());

  const save = (user: "secret" | "unclassified" | "confidential", payload: Record<string, unknown>) =>
    call(server, user, { method: "POST", url: "/api/saved-searches", payload });
  const list = async (user: "secret" | "unclassified" | "confidential") => {
    const res = await call(server, user, { url: "/api/saved-searches" });
    expect(res.statusCode).toBe(200);
    return res.json() as Saved[];
  };

  it("saves a search, lists it by name, and the saved query runs as a search", async () => {
    const res = await save("secret", { name: "  Kosovo   demarches ", query: " kosovo tag:PREL ", sort: "date" });
    expect(res.statusCode).toBe(201);
    const saved = res.json() as Saved;
    expect(saved).toMatchObject({ name: "Kosovo demarches", query: "kosovo tag:PREL", sort: "date" });
    expect(saved.createdAt).toBe("2024-05-01T09:00:00.000Z");
    expect((await save("secret", { name: "all from 2008", query: "from:2008 to:2008" })).statusCode).toBe(201);
    expect((await list("secret")).map((s) => s.name)).toEqual(["all from 2008", "Kosovo demarches"]);

    const run = await call(server, "secret", { url: `/api/search?q=${encodeURIComponent(saved.query)}&sort=date` });
    expect(run.statusCode).toBe(200);
    expect((run.json() as { results: { id: string }[] }).results.map((r) => r.id)).toContain("09STATE39345");
  });

  it("refuses a second search of the same name, whatever its case, with SAVED_SEARCH_NAME_TAKEN", async () => {
    expect((await save("confidential", { name: "Recognition", query: "recognition" })).statusCode).toBe(201);
    const again = await save("confidential", { name: "RECOGNITION", query: "kosovo" });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: "SAVED_SEARCH_NAME_TAKEN", name: "RECOGNITION" });
    expect((await list("confidential")).map((s) => s.query)).toEqual(["recognition"]);
  });

  it("lets two users use the same name, and shows each only their own", async () => {
    expect((await save("unclassified", { name: "Recognition", query: "kosovo" })).statusCode).toBe(201);
    const mine = await list("unclassified");
    expect(mine.map((s) => [s.name, s.query])).toEqual([["Recognition", "kosovo"]]);
    expect((await list("confidential")).map((s) => s.query)).toEqual(["recognition"]);
  });

  it("refuses a query the search language cannot read with BAD_QUERY and its position, saving nothing", async () => {
    const res = await save("unclassified", { name: "broken", query: 'kosovo "security council' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "BAD_QUERY", position: 7 });
    expect(String(res.json().detail)).toMatch(/unclosed quote/);
    const unknownField = await save("unclassified", { name: "broken", query: "colour:red" });
    expect(unknownField.json()).toMatchObject({ code: "BAD_QUERY", position: 0 });
    expect((await list("unclassified")).map((s) => s.name)).toEqual(["Recognition"]);
  });

  it("refuses an empty name or query with INVALID_INPUT naming the field", async () => {
    const noName = await save("unclassified", { name: "   ", query: "kosovo" });
    expect(noName.statusCode).toBe(400);
    expect(noName.json()).toMatchObject({ code: "INVALID_INPUT", issues: [{ path: "name" }] });
    const noQuery = await save("unclassified", { name: "empty", query: " " });
    expect(noQuery.json()).toMatchObject({ code: "INVALID_INPUT", issues: [{ path: "query" }] });
    const badSort = await save("unclassified", { name: "x", query: "kosovo", sort: "oldest" });
    expect(badSort.statusCode).toBe(400);
    expect(badSort.json()).toMatchObject({ code: "INVALID_INPUT" });
  });

  it("removes a saved search; another user's is not found, exactly like a missing one", async () => {
    const [theirs] = await list("confidential");
    const stolen = await call(server, "unclassified", { method: "DELETE", url: `/api/saved-searches/${theirs!.id}` });
    const missing = await call(server, "unclassified", { method: "DELETE", url: "/api/saved-searches/no-such-id" });
    for (const res of [stolen, missing]) {
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: "SAVED_SEARCH_NOT_FOUND" });
    }
    expect(await list("confidential")).toHaveLength(1);
    const removed = await call(server, "confidential", { method: "DELETE", url: `/api/saved-searches/${theirs!.id}` });
    expect(removed.statusCode).toBe(204);
    expect(await list("confidential")).toEqual([]);
    // The name is free again.
    expect((await save("confidential", { name: "recognition", query: "kosovo" })).statusCode).toBe(201);
  });

  it("records each save and removal in the audit log: who, when, the query, and which search", async () => {
    server.deps.clock.advance(10 * 60_000);
    const since = server.deps.clock.now().toISOString();
    const saved = (await save("secret", { name: "Audited", query: "kosovo -serbia", sort: "date" })).json() as Saved;
    server.deps.clock.advance(60_000);
    const removed = await call(server, "secret", { method: "DELETE", url: `/api/saved-searches/${saved.id}` });
    expect(removed.statusCode).toBe(204);
    // Refused attempts change nothing and record nothing: a taken name, another user's search, a second removal.
    expect((await save("confidential", { name: "recognition", query: "kosovo" })).statusCode).toBe(409);
    const again = await call(server, "secret", { method: "DELETE", url: `/api/saved-searches/${saved.id}` });
    expect(again.statusCode).toBe(404);
    const entries = await queryAudit(server.store, SYSTEM_ACTING, { action: "search.", since });
    expect(entries).toEqual([
      expect.objectContaining({
        at: "2024-05-01T09:11:00.000Z",
        username: "secret",
        action: "search.remove",
        target: "kosovo -serbia",
        detail: { id: saved.id, name: "Audited", sort: "date" },
      }),
      expect.objectContaining({
        at: "2024-05-01T09:10:00.000Z",
        username: "secret",
        action: "search.save",
        target: "kosovo -serbia",
        resultCount: null,
        detail: { id: saved.id, name: "Audited", sort: "date" },
      }),
    ]);
    const user = await findUser(server.store, "secret");
    expect(entries.every((e) => e.userId === user!.id)).toBe(true);
  });

  it("needs a session", async () => {
    const res = await call(server, null, { url: "/api/saved-searches" });
    expect(res.statusCode).toBe(401);
  });

  it(`keeps at most ${MAX_SAVED_SEARCHES} searches per user (SAVED_SEARCHES_FULL)`, async () => {
    const user = await findUser(server.store, "admin");
    for (let i = 0; i < MAX_SAVED_SEARCHES; i++) {
      await saveSearch(server.deps, { user: user!, search: { name: `search ${i}`, query: `word${i}` } });
    }
    const res = await call(server, "admin", {
      method: "POST",
      url: "/api/saved-searches",
      payload: { name: "one more", query: "kosovo" },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: "SAVED_SEARCHES_FULL" });
  });
});
