// GET /api/declass/due and /api/declass/proposals on both databases: for archivists and administrators only, over
// the cables the user may read, and audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTING } from "../src/services/acting.ts";
import { queryAudit } from "../src/services/audit/index.ts";
import { createUser } from "../src/services/users/index.ts";
import { call, PASSWORD, SECRET_ID, startTestServer, type TestServer } from "./helpers/server-fixtures.ts";
import { DIALECTS } from "./helpers/test-stores.ts";

describe.each(DIALECTS)("%s: declassification API", (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    // An archivist cleared to CONFIDENTIAL: the SECRET NOFORN variant is not theirs to see.
    await createUser(server.deps, SYSTEM_ACTING, {
      username: "archie",
      roles: ["reader", "archivist"],
      clearance: "CONFIDENTIAL",
      post: "STATE",
      password: PASSWORD,
    });
  });
  afterAll(() => server.close());

  it("answers the due list: 09STATE39345 overdue since 2019-04-16, by origin and classification", async () => {
    const res = await call(server, "admin", { url: "/api/declass/due" });
    expect(res.statusCode).toBe(200);
    const list = res.json();
    expect(list).toMatchObject({ today: "2024-05-01", before: "2024-05-02", due: 2, overdue: 2 });
    expect(list.cables.map((c: { id: string }) => c.id)).toEqual(["09STATE39345", SECRET_ID]);
    expect(list.cables[0]).toMatchObject({ reviewOn: "2019-04-16", status: "overdue", basis: "date" });
    expect(list.byClassification).toEqual([
      { value: "CONFIDENTIAL", due: 1, overdue: 1 },
      { value: "SECRET", due: 1, overdue: 1 },
    ]);
    expect(list.byOrigin).toEqual([{ value: "STATE", due: 2, overdue: 2 }]);
  });

  it("never counts or lists a cable the archivist may not read", async () => {
    const cookie = await server.cookieOf("archie");
    const res = await server.app.inject({ url: "/api/declass/due?before=2030-01-01", headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const list = res.json();
    expect(list.due).toBe(1);
    expect(JSON.stringify(list)).not.toContain(SECRET_ID);
    expect(list.byClassification.map((c: { value: string }) => c.value)).toEqual(["CONFIDENTIAL"]);
  });

  it("refuses readers without a schedule role, and anonymous callers", async () => {
    const res = await call(server, "secret", { url: "/api/declass/due" });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({
      code: "FORBIDDEN",
      detail: expect.stringContaining("archivist, reviewer, or admin"),
    });
    expect((await call(server, null, { url: "/api/declass/due" })).statusCode).toBe(401);
    expect((await call(server, "secret", { url: "/api/declass/proposals" })).statusCode).toBe(403);
  });

  it("names a bad date", async () => {
    const res = await call(server, "admin", { url: "/api/declass/due?before=16/04/2019" });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: expect.stringMatching(/INVALID_INPUT|VALIDATION/) });
  });

  it("proposes nothing where a portion is classified, and audits who asked", async () => {
    const res = await call(server, "admin", { url: "/api/declass/proposals" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ examined: 2, proposals: [] });
    const entries = await queryAudit(server.store, SYSTEM_ACTING, { action: "declass." });
    expect(entries.map((e) => [e.username, e.action])).toContainEqual(["admin", "declass.due"]);
    expect(entries.map((e) => [e.username, e.action])).toContainEqual(["admin", "declass.propose"]);
  });
});
