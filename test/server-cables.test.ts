// Cables, references and search over HTTP: what each reader may see, 404 (never 403) for the rest, and the audit
// entries every classified read and every search leaves.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryAudit } from "../src/services/audit/index.ts";
import { call, NODIS_ID, SECRET_ID, startTestServer, type TestServer } from "./helpers/server-fixtures.ts";
import { readSeed } from "./helpers/seeds.ts";
import { DIALECTS } from "./helpers/test-stores.ts";
import { SYSTEM_ACTING } from "../src/services/acting.ts";

type SearchBody = {
  total: number;
  results: { id: string; snippet: string }[];
  facets: Record<string, { value: string; count: number }[]>;
};

describe.each(DIALECTS)("%s: cables over HTTP", (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(() => server.close());

  it("answers a cable as the model with its archive metadata", async () => {
    const res = await call(server, "confidential", { url: "/api/cables/09STATE39345" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      cable: { id: "09STATE39345", classification: "CONFIDENTIAL", origin: "STATE" },
      source: "seeds",
      hasOriginalText: true,
    });
  });

  it("answers the original telegram text byte for byte with format=telegram", async () => {
    const res = await call(server, "confidential", { url: "/api/cables/09STATE39345?format=telegram" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(res.body).toBe(readSeed("09STATE39345"));
    const rendered = await call(server, "admin", { url: `/api/cables/${SECRET_ID}?format=telegram` });
    expect(rendered.body).toMatch(/^S E C R E T /m);
  });

  it("answers 404 CABLE_NOT_FOUND, never 403, for a cable the reader may not read, like a missing one", async () => {
    const hidden = await call(server, "confidential", { url: `/api/cables/${SECRET_ID}` });
    const missing = await call(server, "confidential", { url: "/api/cables/09STATE99999" });
    for (const res of [hidden, missing]) {
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: "CABLE_NOT_FOUND", status: 404 });
    }
    expect((await call(server, "unclassified", { url: "/api/cables/09STATE39345?format=telegram" })).statusCode).toBe(
      404,
    );
    expect((await call(server, "secret", { url: `/api/cables/${NODIS_ID}` })).statusCode).toBe(404);
    expect((await call(server, "secret", { url: `/api/cables/${SECRET_ID}` })).statusCode).toBe(200);
  });

  it("answers 404 for the references of an unreadable cable and hides it from cited-by lists", async () => {
    expect((await call(server, "confidential", { url: `/api/cables/${SECRET_ID}/references` })).statusCode).toBe(404);
    const seen = await call(server, "secret", { url: "/api/cables/08STATE16245/references" });
    expect(seen.json()).toMatchObject({
      references: [{ id: "07STATE166909", resolved: null }],
      citedBy: [{ id: SECRET_ID, classification: "SECRET" }],
    });
    const hidden = await call(server, "confidential", { url: "/api/cables/08STATE16245/references" });
    expect(hidden.statusCode).toBe(200);
    expect(hidden.json()).toMatchObject({ citedBy: [] });
    const secretRefs = await call(server, "secret", { url: `/api/cables/${SECRET_ID}/references` });
    expect(secretRefs.json()).toMatchObject({ references: [{ id: "08STATE16245", resolved: { id: "08STATE16245" } }] });
  });

  it("searches only what the reader may read, in totals, results and facets", async () => {
    const admin = (await call(server, "admin", { url: "/api/search?q=kosovo" })).json() as SearchBody;
    const low = (await call(server, "unclassified", { url: "/api/search?q=kosovo" })).json() as SearchBody;
    // The admin holds every clearance but is on no distribution list: the NODIS cable stays hidden even from them.
    expect(admin.results.map((r) => r.id).sort()).toEqual(["08STATE16245", "09STATE39345", SECRET_ID].sort());
    expect(low.total).toBe(1);
    expect(low.results.map((r) => r.id)).toEqual(["08STATE16245"]);
    expect(low.facets.classification).toEqual([{ value: "UNCLASSIFIED", count: 1 }]);
    expect(low.results[0]!.snippet).toContain("<mark>");
  });

  it("answers 400 BAD_QUERY with the position of a query it cannot read", async () => {
    const res = await call(server, "secret", { url: `/api/search?q=${encodeURIComponent('"unclosed')}` });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "BAD_QUERY", position: expect.any(Number) });
  });

  it("records every classified read and every search in the audit log, and no unclassified read", async () => {
    const before = (await queryAudit(server.store, SYSTEM_ACTING, { limit: 10_000 })).length;
    server.deps.clock.advance(60_000);
    await call(server, "secret", { url: "/api/cables/08STATE16245" });
    await call(server, "secret", { url: `/api/cables/${SECRET_ID}?format=telegram` });
    await call(server, "secret", { url: "/api/search?q=kosovo&limit=1" });
    await call(server, "confidential", { url: `/api/cables/${SECRET_ID}` });
    const entries = await queryAudit(server.store, SYSTEM_ACTING, { since: "2024-05-01T09:01:00Z", action: "cable." });
    const mine = entries.map((e) => ({ user: e.username, action: e.action, target: e.target, count: e.resultCount }));
    expect(mine).toEqual([
      { user: "secret", action: "cable.search", target: "kosovo", count: 3 },
      { user: "secret", action: "cable.read", target: SECRET_ID, count: null },
    ]);
    expect(entries[1]!.detail).toMatchObject({ classification: "SECRET", format: "telegram" });
    // Two entries in all: the unclassified read and the refused read leave none.
    expect((await queryAudit(server.store, SYSTEM_ACTING, { limit: 10_000 })).length).toBe(before + 2);
  });

  it("shows the audit log to admins, filtered", async () => {
    await call(server, "confidential", { url: "/api/search?q=demarche" });
    const res = await call(server, "admin", { url: "/api/audit?user=confidential&action=cable.search&limit=1" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      expect.objectContaining({ username: "confidential", action: "cable.search", target: "demarche" }),
    ]);
    expect((await call(server, "admin", { url: "/api/audit?since=yesterday" })).json()).toMatchObject({
      code: "INVALID_INPUT",
    });
  });
});

describe.each(DIALECTS)("%s: directory and users over HTTP", (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(() => server.close());

  it("lets every signed-in user read the directory", async () => {
    const posts = await call(server, "unclassified", { url: "/api/directory/posts?country=FR" });
    expect(posts.json()).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: "AMEMBASSY PARIS", station: "PARIS" })]),
    );
    const one = await call(server, "unclassified", { url: "/api/directory/posts/STATE" });
    expect(one.json()).toMatchObject({ name: "SECSTATE WASHDC", routingIndicator: "RUEHC" });
    const collective = await call(server, "unclassified", {
      url: `/api/directory/collectives/${encodeURIComponent("EUROPEAN POLITICAL COLLECTIVE")}`,
    });
    expect(collective.json()).toMatchObject({ routingIndicator: "RUEHZL" });
    expect((await call(server, "unclassified", { url: "/api/directory/posts/ATLANTIS" })).json()).toMatchObject({
      code: "POST_NOT_FOUND",
    });
  });

  it("lets admins change posts, offices and collectives", async () => {
    const added = await call(server, "admin", {
      method: "POST",
      url: "/api/directory/posts",
      payload: { name: "AMCONSUL LYON", country: "FR", timeZone: "Europe/Paris" },
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ station: "LYON", kind: "consulate" });
    const patched = await call(server, "admin", {
      method: "PATCH",
      url: "/api/directory/posts/LYON",
      payload: { routingIndicator: "RUEHLY" },
    });
    expect(patched.json()).toMatchObject({ routingIndicator: "RUEHLY" });
    const office = await call(server, "admin", {
      method: "POST",
      url: "/api/directory/offices",
      payload: { code: "POL/LY", post: "LYON" },
    });
    expect(office.statusCode).toBe(201);
    expect((await call(server, "admin", { method: "DELETE", url: "/api/directory/offices/POL%2FLY" })).statusCode).toBe(
      200,
    );
    const nato = await call(server, "admin", {
      method: "POST",
      url: "/api/directory/collectives",
      payload: { name: "NATO CAPITALS", members: ["PARIS"] },
    });
    expect(nato.statusCode).toBe(201);
    const more = await call(server, "admin", {
      method: "POST",
      url: "/api/directory/collectives/NATO%20CAPITALS/members",
      payload: { post: "LYON" },
    });
    expect(more.json()).toMatchObject({ members: ["AMCONSUL LYON", "AMEMBASSY PARIS"] });
    const less = await call(server, "admin", {
      method: "DELETE",
      url: "/api/directory/collectives/NATO%20CAPITALS/members/PARIS",
    });
    expect(less.json()).toMatchObject({ members: ["AMCONSUL LYON"] });
    expect((await call(server, "admin", { method: "DELETE", url: "/api/directory/posts/LYON" })).statusCode).toBe(200);
    const conflict = await call(server, "admin", {
      method: "POST",
      url: "/api/directory/posts",
      payload: { name: "AMEMBASSY PARIS" },
    });
    expect(conflict.statusCode).toBe(409);
  });

  it("lets admins create, change and remove users and mint tokens that work", async () => {
    const created = await call(server, "admin", {
      method: "POST",
      url: "/api/users",
      payload: {
        username: "dora",
        clearance: "SECRET",
        roles: ["reader"],
        post: "PARIS",
        password: "dora's long passphrase",
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ username: "dora", post: "PARIS", hasPassword: true });
    expect(
      (await call(server, "admin", { method: "POST", url: "/api/users", payload: { username: "dora" } })).statusCode,
    ).toBe(409);
    const changed = await call(server, "admin", {
      method: "PATCH",
      url: "/api/users/dora",
      payload: { accesses: ["NOFORN"] },
    });
    expect(changed.json()).toMatchObject({ accesses: ["NOFORN"], clearance: "SECRET" });
    const minted = await call(server, "admin", {
      method: "POST",
      url: "/api/users/dora/tokens",
      payload: { label: "export" },
    });
    expect(minted.statusCode).toBe(201);
    const { token, id } = minted.json() as { token: string; id: string };
    const read = await server.app.inject({
      url: `/api/cables/${SECRET_ID}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(read.statusCode).toBe(200);
    const listed = await call(server, "admin", { url: "/api/users/dora/tokens" });
    expect(JSON.stringify(listed.json())).not.toContain(token);
    expect((await call(server, "admin", { method: "DELETE", url: `/api/users/dora/tokens/${id}` })).statusCode).toBe(
      204,
    );
    expect(
      (await server.app.inject({ url: "/api/session", headers: { authorization: `Bearer ${token}` } })).statusCode,
    ).toBe(401);
    expect((await call(server, "admin", { method: "DELETE", url: "/api/users/dora" })).statusCode).toBe(200);
    expect((await call(server, "admin", { url: "/api/users/dora" })).json()).toMatchObject({ code: "USER_NOT_FOUND" });
    const trail = await queryAudit(server.store, SYSTEM_ACTING, { action: "user.", limit: 10 });
    expect(trail.map((e) => e.action)).toEqual(["user.remove", "user.update", "user.create"]);
  });
});
