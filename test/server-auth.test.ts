// Signing in and out, cookies, tokens, roles, CSRF, security headers and the problem+json error shape.
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/server/logger.ts";
import { API_CSP } from "../src/server/plugins/security-headers.ts";
import { queryAudit } from "../src/services/audit/index.ts";
import { SYSTEM_ACTING } from "../src/services/acting.ts";
import { mintToken } from "../src/services/auth/api-tokens.ts";
import { call, PASSWORD, startTestServer, type TestServer } from "./helpers/server-fixtures.ts";
import { DIALECTS } from "./helpers/test-stores.ts";

function expectProblem(
  res: { statusCode: number; headers: Record<string, unknown>; json(): unknown },
  status: number,
  code: string,
) {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers["content-type"])).toMatch(/^application\/problem\+json/);
  const body = res.json() as Record<string, unknown>;
  expect(body).toMatchObject({ status, code, type: `urn:cablegram:problem:${code.toLowerCase().replace(/_/g, "-")}` });
  expect(typeof body.title).toBe("string");
  expect(typeof body.detail).toBe("string");
  expect(typeof body.instance).toBe("string");
  expect(JSON.stringify(body)).not.toMatch(/\n\s+at |node_modules/);
  return body;
}

describe.each(DIALECTS)("%s: signing in", (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(() => server.close());

  it("answers the profile and sets an HttpOnly, SameSite=Strict session cookie that expires", async () => {
    const res = await call(server, null, {
      method: "POST",
      url: "/api/session",
      payload: { username: "secret", password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      user: { username: "secret", clearance: "SECRET", accesses: ["NOFORN"], roles: ["reader"], post: "STATE" },
      expiresAt: "2024-05-01T21:00:00.000Z",
    });
    expect(JSON.stringify(res.json())).not.toMatch(/scrypt|password/);
    const cookie = String(res.headers["set-cookie"]);
    expect(cookie).toMatch(/^cablegram_session=[\w-]{43}; /);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Strict");
    expect(cookie).toContain("Path=/");
    expect(cookie).toContain("Expires=Wed, 01 May 2024 21:00:00 GMT");
    expect(cookie).not.toContain("Secure");
    const me = await server.app.inject({ url: "/api/session", headers: { cookie: cookie.split(";")[0]! } });
    expect(me.json()).toMatchObject({ user: { username: "secret" }, expiresAt: "2024-05-01T21:00:00.000Z" });
  });

  it("refuses a wrong password and an unknown name alike, as 401 BAD_CREDENTIALS without a cookie", async () => {
    const wrong = await call(server, null, {
      method: "POST",
      url: "/api/session",
      payload: { username: "admin", password: "nope" },
    });
    const unknown = await call(server, null, {
      method: "POST",
      url: "/api/session",
      payload: { username: "ghost", password: PASSWORD },
    });
    for (const res of [wrong, unknown]) {
      expectProblem(res, 401, "BAD_CREDENTIALS");
      expect(res.headers["set-cookie"]).toBeUndefined();
    }
    expect((wrong.json() as { detail: string }).detail).toBe((unknown.json() as { detail: string }).detail);
  });

  it("makes a name wait from one address with 429 and Retry-After, not from another, until an admin lifts it", async () => {
    const signInFrom = (remoteAddress: string, password: string) =>
      call(server, null, {
        method: "POST",
        url: "/api/session",
        remoteAddress,
        payload: { username: "unclassified", password },
      });
    for (let i = 0; i < 4; i++) expect((await signInFrom("10.4.4.4", `x${i}`)).statusCode).toBe(401);
    const waiting = await signInFrom("10.4.4.4", PASSWORD);
    expectProblem(waiting, 429, "RATE_LIMITED");
    expect(waiting.headers["retry-after"]).toBe("1");
    expect((await signInFrom("10.5.5.5", PASSWORD)).statusCode).toBe(200);

    const forbidden = await call(server, "secret", {
      method: "DELETE",
      url: "/api/users/unclassified/sign-in-throttle",
    });
    expectProblem(forbidden, 403, "FORBIDDEN");
    const lifted = await call(server, "admin", { method: "DELETE", url: "/api/users/unclassified/sign-in-throttle" });
    expect([lifted.statusCode, lifted.json()]).toEqual([200, { username: "unclassified", addresses: 1 }]);
    expect((await signInFrom("10.4.4.4", PASSWORD)).statusCode).toBe(200);
    const trail = await queryAudit(server.store, SYSTEM_ACTING, { action: "user.unthrottle" });
    expect(trail.map((e) => [e.username, e.target, e.detail])).toEqual([["admin", "unclassified", { addresses: 1 }]]);
  });

  it("signs out: the cookie stops working and is cleared", async () => {
    const cookie = await server.freshCookie("confidential");
    expect((await server.app.inject({ url: "/api/session", headers: { cookie } })).statusCode).toBe(200);
    const out = await call(server, null, { method: "DELETE", url: "/api/session", headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers["set-cookie"])).toMatch(/^cablegram_session=; .*Expires=Thu, 01 Jan 1970/);
    expectProblem(await server.app.inject({ url: "/api/session", headers: { cookie } }), 401, "UNAUTHENTICATED");
  });

  it("tells a browser at load whether someone is signed in, without a failed request", async () => {
    const anonymous = await server.app.inject({ url: "/api/session/current" });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual({ session: null });
    const cookie = await server.freshCookie("confidential");
    const signed = await server.app.inject({ url: "/api/session/current", headers: { cookie } });
    expect(signed.json()).toMatchObject({ session: { user: { username: "confidential", clearance: "CONFIDENTIAL" } } });
    expect(signed.json().session.user.passwordHash).toBeUndefined();
  });

  it("accepts an API token as a bearer and refuses a mistyped one even beside a good cookie", async () => {
    const { token } = await mintToken(server.deps, SYSTEM_ACTING, "secret", "script");
    const ok = await server.app.inject({ url: "/api/session", headers: { authorization: `Bearer ${token}` } });
    expect(ok.json()).toMatchObject({ user: { username: "secret" }, expiresAt: null });
    const cookie = await server.cookieOf("admin");
    const bad = await server.app.inject({
      url: "/api/session",
      headers: { authorization: `Bearer ${token}x`, cookie },
    });
    expectProblem(bad, 401, "UNAUTHENTICATED");
  });

  it("answers 401 problem+json on every closed route without a session", async () => {
    const doc = (await server.app.inject({ url: "/api/openapi.json" })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    let checked = 0;
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const method of Object.keys(operations)) {
        if ((path === "/api/session" && method !== "get") || method === "parameters") continue;
        if (path === "/api/session/current") continue; // open by design: it says whether anyone is signed in
        if (path.startsWith("/api/reading-room")) continue; // the public reading room: open by design
        const url = path.replace(/\{[^}]+\}/g, "X");
        const res = await call(server, null, {
          method: method.toUpperCase() as "GET",
          url,
          payload: method === "get" ? undefined : {},
        });
        expectProblem(res, 401, "UNAUTHENTICATED");
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it("answers 403 FORBIDDEN, naming the role, to others on user administration, the audit log and directory changes", async () => {
    const attempts = [
      { method: "GET", url: "/api/users", role: "admin" },
      { method: "POST", url: "/api/users", payload: { username: "mallory" }, role: "admin" },
      // The audit log is the archivists' too (administrators hold every role).
      { method: "GET", url: "/api/audit", role: "archivist" },
      { method: "POST", url: "/api/directory/posts", payload: { name: "AMCONSUL LYON" }, role: "admin" },
      { method: "DELETE", url: "/api/directory/posts/PARIS", role: "admin" },
    ] as const;
    for (const { role, ...attempt } of attempts) {
      const res = await call(server, "confidential", {
        ...attempt,
        payload: "payload" in attempt ? attempt.payload : undefined,
      });
      expect(expectProblem(res, 403, "FORBIDDEN").role).toBe(role);
    }
    expect((await call(server, "admin", { url: "/api/users" })).statusCode).toBe(200);
    expect((await call(server, "admin", { url: "/api/audit" })).statusCode).toBe(200);
  });

  it("refuses state-changing requests that are not JSON (CSRF), with 415", async () => {
    const form = await server.app.inject({
      method: "POST",
      url: "/api/session",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: `username=admin&password=${encodeURIComponent(PASSWORD)}`,
    });
    expectProblem(form, 415, "UNSUPPORTED_MEDIA_TYPE");
    const cookie = await server.cookieOf("admin");
    const text = await server.app.inject({ method: "DELETE", url: "/api/directory/posts/PARIS", headers: { cookie } });
    expectProblem(text, 415, "UNSUPPORTED_MEDIA_TYPE");
    expect((await call(server, "admin", { url: "/api/directory/posts/PARIS" })).statusCode).toBe(200);
  });

  it("sets the security headers on answers and errors, and a docs CSP only on the docs", async () => {
    for (const res of [
      await call(server, "secret", { url: "/api/session" }),
      await call(server, null, { url: "/api/nowhere" }),
    ]) {
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["referrer-policy"]).toBe("no-referrer");
      expect(res.headers["content-security-policy"]).toBe(API_CSP);
    }
    const docs = await server.app.inject({ url: "/api/docs" });
    expect(docs.statusCode).toBe(200);
    expect(String(docs.headers["content-security-policy"])).toContain("script-src 'self'");
  });

  it("describes bad input as 400 INVALID_INPUT with the failing fields", async () => {
    const res = await call(server, null, { method: "POST", url: "/api/session", payload: { username: "admin" } });
    const body = expectProblem(res, 400, "INVALID_INPUT");
    expect(body.issues).toEqual([expect.objectContaining({ path: "body.password" })]);
    const broken = await server.app.inject({
      method: "POST",
      url: "/api/session",
      headers: { "content-type": "application/json" },
      payload: "{not json",
    });
    expectProblem(broken, 400, "INVALID_INPUT");
  });
});

describe("sign-in rate limit per address", () => {
  it("answers 429 RATE_LIMITED once an address exceeds the route's limit", async () => {
    const server = await startTestServer("sqlite", { signInLimit: { max: 3, timeWindow: 60_000 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await call(server, null, {
          method: "POST",
          url: "/api/session",
          payload: { username: `user${i}`, password: "x" },
        });
        statuses.push(res.statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
      const last = await call(server, null, {
        method: "POST",
        url: "/api/session",
        payload: { username: "admin", password: PASSWORD },
      });
      expectProblem(last, 429, "RATE_LIMITED");
      expect(Number(last.headers["retry-after"])).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });
});

describe("unexpected failures", () => {
  it("answer a bare 500 problem and are logged with their cause", async () => {
    const out = new PassThrough();
    const logged: string[] = [];
    out.on("data", (c: Buffer) => logged.push(c.toString("utf8")));
    const server = await startTestServer("sqlite", { logger: createLogger({ pretty: false, out }) });
    const cookie = await server.cookieOf("secret");
    await server.store.close(); // the database goes away under the running app
    const res = await server.app.inject({ url: "/api/search?q=kosovo", headers: { cookie } });
    const body = expectProblem(res, 500, "INTERNAL_ERROR");
    expect(body).toEqual({
      type: "urn:cablegram:problem:internal-error",
      title: "Internal Server Error",
      status: 500,
      detail: "Internal Server Error",
      code: "INTERNAL_ERROR",
      instance: "/api/search",
    });
    await new Promise((r) => setImmediate(r));
    const errors = logged
      .join("")
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { level: number; msg: string; err?: { stack?: string } });
    expect(errors.find((e) => e.level === 50)).toMatchObject({
      msg: "unhandled error",
      err: { stack: expect.stringContaining("Error") },
    });
    await server.app.close();
  });
});
