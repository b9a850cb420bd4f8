// Who may call which route, however the request spells its path: every registered route is refused without a
// session (and, where it needs a role, to a user without it), in every spelling the router accepts as that route
// and in those it does not, and such a refused request changes nothing.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, PASSWORD, startTestServer, type TestServer } from "./helpers/server-fixtures.ts";
import { registeredRoutes, type RegisteredRoute } from "./helpers/registered-routes.ts";
import { DIALECTS } from "./helpers/test-stores.ts";

/**
 * Routes anyone may call: signing in and out, the session probe, the API's description, the web app's shell, and the
 * public reading room (released versions only).
 */
const PUBLIC = [
  "GET /api/reading-room",
  "GET /api/reading-room/withdrawals",
  "GET /api/reading-room/:id",
  "POST /api/session",
  "DELETE /api/session",
  "GET /api/session/current",
  "GET /api/openapi.json",
  /^GET \/api\/docs(\/.*)?$/,
  /^GET \/($|\*$|index\.html$|assets\/)/,
];

/** The role each role-bound route needs; the rest need only a signed-in user. */
function roleOf({ method, path }: RegisteredRoute): string | null {
  if (path.startsWith("/api/users")) return "admin";
  if (path === "/api/audit") return "archivist";
  if (path.startsWith("/api/declass/")) return "reviewer";
  if (path.startsWith("/api/directory/") && !["GET", "HEAD"].includes(method)) return "admin";
  if (path.startsWith("/api/duty-officers/") && method === "PUT") return "admin";
  if (path === "/api/drafts/:id/release") return "approver";
  if (path === "/api/drafts/:id/clearances/:cid") return null; // a clearer need not draft
  if (path.startsWith("/api/drafts") && !["GET", "HEAD"].includes(method)) return "drafter";
  if (["/api/cables/:id/reply", "/api/cables/:id/correction", "/api/cables/:id/cancellation"].includes(path)) {
    return "drafter";
  }
  if (path === "/api/deliveries/:id/slug") return "communicator";
  return null;
}

function isPublic({ method, path }: RegisteredRoute): boolean {
  const key = `${method === "HEAD" ? "GET" : method} ${path}`;
  return PUBLIC.some((p) => (typeof p === "string" ? p === key : p.test(key)));
}

// Values that would do harm if a refused request went through: raise the reader to admin, remove a user, move a
// post's alerts to another address.
const PARAMS: Record<string, string> = {
  username: "unclassified",
  name: "AMEMBASSY PARIS",
  code: "AF/C",
  post: "AMEMBASSY PARIS",
  id: "00000000-0000-0000-0000-000000000000",
  cid: "00000000-0000-0000-0000-000000000000",
};
const BODIES: Record<string, unknown> = {
  "POST /api/users": { username: "intruder", password: PASSWORD, roles: ["admin"], clearance: "TOP SECRET" },
  "PATCH /api/users/:username": { roles: ["admin"], clearance: "TOP SECRET" },
  "POST /api/users/:username/tokens": { label: "mine now" },
  "PUT /api/duty-officers/:post": { webhook: "https://attacker.example/hook" },
  "POST /api/directory/posts": { name: "AMEMBASSY ATLANTIS" },
  "PATCH /api/directory/posts/:name": { country: "XX" },
  "POST /api/directory/offices": { code: "EVIL/X" },
  "POST /api/directory/collectives": { name: "EVIL COLLECTIVE" },
  "POST /api/directory/collectives/:name/members": { post: "AMEMBASSY PARIS" },
  "POST /api/declass/reviews": {
    cableId: "09STATE39345",
    decision: { outcome: "extend", until: "2099-01-01", reason: "x" },
  },
};

function concretePath(path: string): string {
  return path.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(PARAMS[name] ?? "x")).replace(/\*$/, "x");
}

/** The spellings of an API path: those the router takes for the same route, and near misses it must not. */
function spellingsOf(path: string): string[] {
  const rest = path.slice("/api".length);
  return [
    path,
    `/%61pi${rest}`,
    `/ap%69${rest}`,
    `/a%70i${rest}`,
    `/%61%70%69${rest}`,
    `/API${rest}`,
    `/${path}`,
  ].concat(rest.length > 1 ? [`/api/${rest.replace(/\//g, "//")}`] : []);
}

/** Sends one request as an absolute-form request line (`GET http://host/api/users HTTP/1.1`) on a raw socket. */
function absoluteFormStatus(port: number, method: string, path: string, body: string, cookie?: string) {
  return new Promise<number>((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => {
      const headers = [
        `${method} http://127.0.0.1:${port}${path} HTTP/1.1`,
        "Host: 127.0.0.1",
        "Content-Type: application/json",
        `Content-Length: ${Buffer.byteLength(body)}`,
        "Connection: close",
        ...(cookie ? [`Cookie: ${cookie}`] : []),
      ];
      // Written, not ended: the server closes the connection after its answer (Connection: close).
      socket.write(`${headers.join("\r\n")}\r\n\r\n${body}`);
    });
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk.toString()));
    socket.on("error", reject);
    socket.on("end", () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0)));
  });
}

const WATCHED = [
  "users",
  "api_tokens",
  "audit_log",
  "posts",
  "offices",
  "collectives",
  "collective_members",
  "duty_officers",
  "drafts",
  "draft_clearances",
  "deliveries",
  "alerts",
  "tasks",
  "saved_searches",
] as const;

/** Everything a refused request could have changed, as one comparable value. */
async function snapshot(server: TestServer): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of WATCHED) {
    const rows = await server.store.db.selectFrom(table).selectAll().execute();
    out[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

describe.each(DIALECTS)("%s: every route, however its path is spelled", (dialect) => {
  let server: TestServer;
  let webRoot: string;
  let port: number;
  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), "cablegram-web-"));
    mkdirSync(join(webRoot, "assets"));
    writeFileSync(join(webRoot, "index.html"), "<!doctype html><title>Cablegram</title>");
    writeFileSync(join(webRoot, "assets", "app.js"), "export {};");
    server = await startTestServer(dialect, { webRoot });
    await server.app.listen({ port: 0, host: "127.0.0.1" });
    port = (server.app.server.address() as { port: number }).port;
  });
  afterAll(async () => {
    await server.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it("finds the API's routes in the server's own route list", () => {
    const keys = registeredRoutes(server.app).map((r) => `${r.method} ${r.path}`);
    expect(keys).toEqual(expect.arrayContaining(["GET /api/users", "PATCH /api/users/:username", "GET /api/audit"]));
    expect(keys).toEqual(expect.arrayContaining(["PUT /api/duty-officers/:post", "GET /", "GET /*"]));
    expect(keys.length).toBeGreaterThan(60);
  });

  it("opens only the public routes to a caller without a session", async () => {
    const open: string[] = [];
    for (const route of registeredRoutes(server.app).filter((r) => r.path.startsWith("/api/"))) {
      const res = await call(server, null, { method: route.method as "GET", url: concretePath(route.path) });
      if (res.statusCode !== 401) open.push(`${route.method} ${route.path}`);
    }
    expect(open.filter((key) => !isPublic({ method: key.split(" ")[0]!, path: key.split(" ")[1]! }))).toEqual([]);
  });

  it("refuses every closed route without a session, in every spelling, and changes nothing", async () => {
    const reader = await server.cookieOf("unclassified");
    const before = await snapshot(server);
    const let_through: string[] = [];
    for (const route of registeredRoutes(server.app).filter((r) => !isPublic(r))) {
      const path = concretePath(route.path);
      const hasBody = !["GET", "HEAD"].includes(route.method);
      const payload = hasBody ? (BODIES[`${route.method} ${route.path}`] ?? {}) : undefined;
      const role = roleOf(route);
      const callers: [string, string | undefined, number][] = [["anonymous", undefined, 401]];
      if (role) callers.push(["a reader without the role", reader, 403]);
      for (const [who, cookie, refusal] of callers) {
        const headers = cookie ? { cookie } : {};
        for (const spelling of path.startsWith("/api/") ? spellingsOf(path) : [path]) {
          const res = await call(server, null, { method: route.method as "GET", url: spelling, payload, headers });
          const expected = spelling === path || /^\/[%\w]*%/.test(spelling) ? [refusal] : [refusal, 404];
          if (!expected.includes(res.statusCode)) {
            let_through.push(`${who}: ${route.method} ${spelling} answered ${res.statusCode}`);
          }
        }
        const raw = await absoluteFormStatus(port, route.method, path, hasBody ? JSON.stringify(payload) : "", cookie);
        if (raw !== refusal) let_through.push(`${who}: ${route.method} http://host${path} answered ${raw}`);
      }
    }
    expect(let_through).toEqual([]);
    expect(await snapshot(server)).toEqual(before);
  });

  it("answers 404 for an unknown API path without a session, however spelled, and says nothing more", async () => {
    for (const url of ["/api/nothing-here", "/%61pi/nothing-here", "/api/users/x/y/z"]) {
      const res = await call(server, null, { url });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: "ROUTE_NOT_FOUND" });
    }
  });
});

describe.each(DIALECTS)("%s: the audit's attacks on the spelling of /api", (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(() => server.close());

  const count = async (table: "users" | "audit_log" | "api_tokens") =>
    Number(
      (
        await server.store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("does not list the users to a caller without a session at /%61pi/users, /ap%69/users or /a%70i/users", async () => {
    for (const url of ["/%61pi/users", "/ap%69/users", "/a%70i/users"]) {
      const res = await call(server, null, { url });
      expect(res.statusCode).toBe(401);
      expect(res.body).not.toContain("admin");
    }
  });

  it("does not create a TOP SECRET admin for a caller without a session at POST /%61pi/users", async () => {
    const [users, audit] = [await count("users"), await count("audit_log")];
    const res = await call(server, null, {
      method: "POST",
      url: "/%61pi/users",
      payload: { username: "intruder", password: PASSWORD, roles: ["admin"], clearance: "TOP SECRET" },
    });
    expect(res.statusCode).toBe(401);
    expect([await count("users"), await count("audit_log")]).toEqual([users, audit]);
    const signIn = await call(server, null, {
      method: "POST",
      url: "/api/session",
      payload: { username: "intruder", password: PASSWORD },
    });
    expect(signIn.statusCode).toBe(401);
  });

  it("does not let an UNCLASSIFIED reader make himself a TOP SECRET admin at PATCH /%61pi/users/<self>", async () => {
    const res = await call(server, "unclassified", {
      method: "PATCH",
      url: "/%61pi/users/unclassified",
      payload: { roles: ["admin"], clearance: "TOP SECRET" },
    });
    expect(res.statusCode).toBe(403);
    const me = await call(server, "admin", { url: "/api/users/unclassified" });
    expect(me.json()).toMatchObject({ roles: ["reader"], clearance: "UNCLASSIFIED" });
  });

  it("does not let a reader mint an admin's API token, read the audit log or remove a user", async () => {
    const tokens = await count("api_tokens");
    const mint = await call(server, "unclassified", { method: "POST", url: "/ap%69/users/admin/tokens", payload: {} });
    const audit = await call(server, "unclassified", { url: "/a%70i/audit" });
    const remove = await call(server, "unclassified", { method: "DELETE", url: "/%61pi/users/secret" });
    expect([mint.statusCode, audit.statusCode, remove.statusCode]).toEqual([403, 403, 403]);
    expect(await count("api_tokens")).toBe(tokens);
    expect((await call(server, "admin", { url: "/api/users/secret" })).statusCode).toBe(200);
  });

  it("does not let a reader move a post's NIACT webhook at PUT /%61pi/duty-officers/<post>", async () => {
    const res = await call(server, "unclassified", {
      method: "PUT",
      url: "/%61pi/duty-officers/PARIS",
      payload: { webhook: "https://attacker.example/hook" },
    });
    expect(res.statusCode).toBe(403);
    expect(await server.store.db.selectFrom("duty_officers").selectAll().execute()).toEqual([]);
  });
});
