// The communicator's side of message tracking over HTTP, on both databases: the traffic held and late against its
// handling objective, a cable's tracking for those who may read it, and re-send and cancel, which are audited and
// refused with a problem+json FORBIDDEN to anyone but communicators and administrators. No NATS here: the copies
// are what a release queues at headquarters for Panama's node (the transport has its own tests).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSitePlan } from "../src/core/index.ts";
import { SYSTEM_ACTING } from "../src/services/acting.ts";
import { queryAudit } from "../src/services/audit/index.ts";
import { saveSitePlan } from "../src/services/sites/site-plan-store.ts";
import type { BusEvent } from "../src/services/events/index.ts";
import { createUser } from "../src/services/users/index.ts";
import { findUser } from "../src/services/users/find-user.ts";
import { readerOf } from "../src/services/users/reader-of.ts";
import { classifiedFields, releaseFields, seedFields } from "./helpers/distribution-fixtures.ts";
import { PASSWORD, signInCookies, startTestServer, type TestServer } from "./helpers/server-fixtures.ts";
import { DIALECTS } from "./helpers/test-stores.ts";

type Copy = { id: string; cableId: string; site: string; state: string; attempt: number; late: boolean };
/** The fields of the answers these tests read, whichever answer it is. */
type Body = {
  items: Copy[];
  held: Copy[];
  late: Copy[];
  copy: Copy;
  objectiveMinutes: Record<string, number>;
  nextLateInMs: number | null;
  code: string;
};

describe.each(DIALECTS)("%s: message tracking API", (dialect) => {
  let server: TestServer;
  let as: (user: string, method: string, url: string) => Promise<{ status: number; type: string; body: Body }>;
  let demarche: string;
  let secret: string;

  const copyTo = async (cableId: string, site = "PANAMA"): Promise<Copy> => {
    const res = await as("comms", "GET", `/api/cables/${cableId}/tracking`);
    return (res.body.items as Copy[]).find((c) => c.site === site)!;
  };
  /** Listens on the app's bus as the user's event stream does, until `stop` is called. */
  const hear = async (username: string) => {
    const user = (await findUser(server.store, username))!;
    const heard: BusEvent[] = [];
    const stop = server.app.messaging.bus.subscribe(readerOf(user), (e) => heard.push(e), {}, { user, home: null });
    return { heard, stop };
  };
  const siteEntries = async () =>
    (await queryAudit(server.store, SYSTEM_ACTING, { action: "site." })).map((e) => ({
      username: e.username,
      action: e.action,
      target: e.target,
      copy: e.detail?.copy,
    }));

  beforeAll(async () => {
    server = await startTestServer(dialect);
    await createUser(server.deps, SYSTEM_ACTING, {
      username: "comms",
      roles: ["reader", "communicator"],
      clearance: "SECRET",
      post: "STATE",
      password: PASSWORD,
    });
    // Headquarters of a two-site network: what is released to Panama is queued for Panama's node.
    await saveSitePlan(server.store, parseSitePlan("STATE", "STATE,PANAMA"));
    const to = (precedence: "NIACT IMMEDIATE" | "ROUTINE") => [{ name: "AMEMBASSY PANAMA", precedence }];
    demarche = (await releaseFields(server.deps, seedFields("08STATE16245", { to: to("NIACT IMMEDIATE"), info: [] })))
      .id;
    secret = (
      await releaseFields(
        server.deps,
        classifiedFields("SECRET", seedFields("08STATE16245", { to: to("ROUTINE"), info: [] })),
      )
    ).id;
    const { cookieOf } = signInCookies(server.app);
    as = async (user, method, url) => {
      const res = await server.app.inject({
        method: method as "GET" | "POST",
        url,
        headers: { cookie: await cookieOf(user), ...(method === "GET" ? {} : { "content-type": "application/json" }) },
        ...(method === "GET" ? {} : { payload: "{}" }),
      });
      return { status: res.statusCode, type: String(res.headers["content-type"]), body: res.json<Body>() };
    };
  }, 60_000);
  afterAll(() => server?.close());

  it("shows a communicator the copies held for Panama, late once past their precedence's objective, and when the next turns late", async () => {
    const res = await as("comms", "GET", "/api/sites/traffic");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ here: "STATE", sites: ["PANAMA"], connected: null });
    expect(res.body.objectiveMinutes).toMatchObject({ FLASH: 10, "NIACT IMMEDIATE": 30, ROUTINE: 360 });
    expect(res.body.held.map((c) => [c.cableId, c.site, c.state])).toEqual([
      [demarche, "PANAMA", "queued"],
      [secret, "PANAMA", "queued"],
    ]);
    expect(res.body.late).toEqual([]);
    // What no event announces: the NIACT IMMEDIATE copy turns late just past its 30 minutes.
    expect(res.body.nextLateInMs).toBe(30 * 60_000 + 1);
    server.deps.clock.advance(31 * 60_000);
    try {
      const later = await as("comms", "GET", "/api/sites/traffic");
      // NIACT IMMEDIATE's objective is 30 minutes; ROUTINE's six hours.
      expect(later.body.late.map((c) => c.cableId)).toEqual([demarche]);
      expect(later.body.nextLateInMs).toBe((360 - 31) * 60_000 + 1);
    } finally {
      server.deps.clock.advance(-31 * 60_000);
    }
  });

  it("refuses the traffic, re-send and cancel to a reader with a problem+json FORBIDDEN, and changes nothing", async () => {
    const copy = await copyTo(demarche);
    for (const [method, url] of [
      ["GET", "/api/sites/traffic"],
      ["POST", `/api/sites/copies/${copy.id}/resend`],
      ["POST", `/api/sites/copies/${copy.id}/cancel`],
    ] as const) {
      const res = await as("secret", method, url);
      expect(res.status, `${method} ${url}`).toBe(403);
      expect(res.type).toContain("application/problem+json");
      expect(res.body).toMatchObject({ code: "FORBIDDEN", detail: expect.stringContaining("communicator") });
    }
    expect(await copyTo(demarche)).toMatchObject({ state: "queued", attempt: 0 });
    expect(await siteEntries()).toEqual([]);
  });

  it("re-sends a copy for a communicator, audits who did it, to which copy of which cable, and tells communicators alone", async () => {
    const copy = await copyTo(demarche);
    const [comms, reader] = [await hear("comms"), await hear("secret")];
    const res = await as("comms", "POST", `/api/sites/copies/${copy.id}/resend`);
    comms.stop();
    reader.stop();
    expect(comms.heard.map((e) => [e.type, e.data])).toEqual([
      ["site.traffic", { here: "STATE", counts: [{ site: "PANAMA", move: "resent", copies: 1 }] }],
    ]);
    expect(reader.heard).toEqual([]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: copy.id, state: "queued", copy: { attempt: 1 } });
    expect(await copyTo(demarche)).toMatchObject({ state: "queued", attempt: 1 });
    expect(await siteEntries()).toEqual([
      { username: "comms", action: "site.resend", target: demarche, copy: copy.id },
    ]);
  });

  it("cancels a queued copy, audited; a cancelled copy is neither re-sent nor cancelled again", async () => {
    const copy = await copyTo(secret);
    const res = await as("comms", "POST", `/api/sites/copies/${copy.id}/cancel`);
    expect(res.status).toBe(200);
    expect(res.body.copy).toMatchObject({ state: "cancelled", cancelledAt: expect.any(String) });
    for (const verb of ["resend", "cancel"]) {
      const again = await as("comms", "POST", `/api/sites/copies/${copy.id}/${verb}`);
      expect(again.status).toBe(409);
      expect(again.type).toContain("application/problem+json");
      expect(again.body).toMatchObject({ code: "SITE_COPY_SETTLED", detail: expect.stringContaining("cancelled") });
    }
    const entries = await siteEntries();
    expect(entries.filter((e) => e.action === "site.cancel")).toEqual([
      { username: "comms", action: "site.cancel", target: secret, copy: copy.id },
    ]);
    expect(entries).toHaveLength(2);
    const traffic = await as("comms", "GET", "/api/sites/traffic");
    expect(traffic.body.held.map((c) => c.cableId)).toEqual([demarche]);
  });

  it("answers SITE_COPY_NOT_FOUND for a copy that does not exist", async () => {
    const res = await as("comms", "POST", "/api/sites/copies/no-such-copy/resend");
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: "SITE_COPY_NOT_FOUND" });
  });

  it("shows a cable's tracking to whoever may read it, and to nobody else", async () => {
    const mine = await as("secret", "GET", `/api/cables/${secret}/tracking`);
    expect(mine.status).toBe(200);
    expect(mine.body.items).toMatchObject([{ site: "PANAMA", state: "cancelled", queuedAt: expect.any(String) }]);
    const notMine = await as("unclassified", "GET", `/api/cables/${secret}/tracking`);
    expect(notMine.status).toBe(404);
    expect(notMine.body).toMatchObject({ code: "CABLE_NOT_FOUND" });
    expect((await as("unclassified", "GET", `/api/cables/${demarche}/tracking`)).body.items).toHaveLength(1);
  });
});
