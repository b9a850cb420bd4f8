// Inboxes through the HTTP API: what a post receives, filters, read and acknowledge, slugging to offices, the
// routing hint on replies, and the access rule on every item. Both dialects.
import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../src/services/users/index.ts";
import { classifiedFields, releaseFields, seedFields } from "./helpers/distribution-fixtures.ts";
import type { USERS } from "./helpers/server-fixtures.ts";
import { PASSWORD, startTestServer, type TestServer } from "./helpers/server-fixtures.ts";
import { DIALECTS } from "./helpers/test-stores.ts";
import { SYSTEM_ACTING } from "../src/services/acting.ts";

type Item = { id: string; cableId: string; precedence: string; role: string; acknowledged: boolean; read: boolean };

describe.each(DIALECTS)("inboxes on %s", (dialect) => {
  let server: TestServer;
  let demarcheId: string;
  let secretId: string;
  let replyId: string;
  const cookies = new Map<string, string>();
  const as = async (username: string, options: InjectOptions & { url: string }) => {
    const cookie = cookies.get(username) ?? (await server.freshCookie(username as keyof typeof USERS));
    cookies.set(username, cookie);
    const headers: Record<string, string> = { cookie };
    if (options.method && options.method !== "GET") headers["content-type"] = "application/json";
    return server.app.inject({ ...options, headers });
  };
  const inbox = async (username: string, query: string) => {
    const res = await as(username, { url: `/api/inbox?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { items: Item[] }).items;
  };

  beforeAll(async () => {
    server = await startTestServer(dialect, { messaging: { pollMs: 0, senders: [] } });
    const { deps } = server;
    await createUser(deps, SYSTEM_ACTING, {
      username: "panama",
      roles: ["reader", "communicator"],
      clearance: "UNCLASSIFIED",
      post: "PANAMA",
      password: PASSWORD,
    });
    await createUser(deps, SYSTEM_ACTING, {
      username: "panama.clerk",
      roles: ["reader"],
      clearance: "UNCLASSIFIED",
      post: "PANAMA",
      password: PASSWORD,
    });
    await createUser(deps, SYSTEM_ACTING, {
      username: "comms",
      roles: ["reader", "communicator"],
      clearance: "SECRET",
      post: "STATE",
      password: PASSWORD,
    });
    demarcheId = (await releaseFields(deps, seedFields())).id;
    // The SECRET NOFORN fixture, delivered to PANAMA too: its unclassified reader must never see it.
    secretId = (
      await releaseFields(deps, classifiedFields("SECRET", seedFields("08STATE16245", { caveats: ["NOFORN"] })))
    ).id;
    // A PARIS reply citing 09STATE39345 ("slug responses for IO/UNP"), to STATE.
    const reply = seedFields("09STATE39345", {
      from: { route: null, name: "AMEMBASSY PARIS", office: null, precedence: null, mcn: null },
      to: [{ route: null, name: "SECSTATE WASHDC", office: null, precedence: "PRIORITY", mcn: null }],
      info: [],
      references: [{ label: null, id: "09STATE39345", text: "09 STATE 39345" }],
    });
    replyId = (await releaseFields(deps, reply, "PARIS")).id;
    await server.app.messaging.dispatcher.drain();
  });
  afterAll(async () => server?.close());

  it("shows a post its copies with precedence and role, and hides what its reader may not read", async () => {
    const items = await inbox("panama", "");
    expect(items.map((i) => [i.cableId, i.precedence, i.role, i.acknowledged])).toEqual([
      [demarcheId, "NIACT IMMEDIATE", "action", false],
    ]);
    const admin = await inbox("admin", "post=AMEMBASSY%20PANAMA");
    expect(admin.map((i) => i.cableId).sort()).toEqual([demarcheId, secretId]);
    expect(await inbox("unclassified", `post=PARIS&precedence=IMMEDIATE`)).toHaveLength(1);
  });

  it("filters by precedence, role and unread", async () => {
    expect(await inbox("admin", "post=PARIS&role=action")).toEqual([]);
    expect(await inbox("admin", "post=PARIS&role=info&precedence=IMMEDIATE")).toHaveLength(2);
    expect(await inbox("admin", "post=PARIS&precedence=FLASH")).toEqual([]);
  });

  it("lets only the post's communicators acknowledge its copy: not its other readers, not another post's communicator", async () => {
    const [copy] = await inbox("admin", "post=PANAMA");
    const clerk = await as("panama.clerk", { method: "POST", url: `/api/deliveries/${copy!.id}/ack` });
    expect(clerk.statusCode).toBe(403);
    expect(clerk.json()).toMatchObject({ code: "FORBIDDEN" });
    const otherPost = await as("comms", { method: "POST", url: `/api/deliveries/${copy!.id}/ack` });
    expect(otherPost.statusCode).toBe(404);
    expect((await inbox("admin", "post=PANAMA")).find((i) => i.id === copy!.id)).toMatchObject({ acknowledged: false });
  });

  it("marks read and acknowledges, keeping who and when, and acknowledging twice changes nothing", async () => {
    const [item] = await inbox("panama", "unread=true");
    const read = await as("panama", { method: "POST", url: `/api/deliveries/${item!.id}/read` });
    expect(read.json()).toMatchObject({ read: true, acknowledged: false });
    expect(await inbox("panama", "unread=true")).toEqual([]);
    const ack = await as("panama", { method: "POST", url: `/api/deliveries/${item!.id}/ack` });
    expect(ack.statusCode).toBe(200);
    expect(ack.json()).toMatchObject({
      acknowledged: true,
      acknowledgedBy: "panama",
      acknowledgedAt: "2024-05-01T09:00:00.000Z",
    });
    server.deps.clock.advance(60_000);
    const again = await as("panama", { method: "POST", url: `/api/deliveries/${item!.id}/ack` });
    expect(again.json()).toMatchObject({ acknowledgedAt: "2024-05-01T09:00:00.000Z" });
    const alerts = await server.store.db
      .selectFrom("alerts")
      .select("acked_by")
      .where("delivery_id", "=", item!.id)
      .execute();
    expect(alerts).toEqual([{ acked_by: "panama" }]);
  });

  it("does not let another post's reader, or a reader below the cable, acknowledge", async () => {
    const secretCopy = (await inbox("admin", "post=PANAMA")).find((i) => i.cableId === secretId)!;
    const denied = await as("panama", { method: "POST", url: `/api/deliveries/${secretCopy.id}/ack` });
    expect(denied.statusCode).toBe(404);
    expect(denied.json()).toMatchObject({ code: "DELIVERY_NOT_FOUND" });
    const parisCopy = (await inbox("admin", "post=PARIS")).find((i) => i.cableId === demarcheId)!;
    expect((await as("panama", { method: "POST", url: `/api/deliveries/${parisCopy.id}/ack` })).statusCode).toBe(404);
  });

  it("shows a reply the routing hint of the cable it answers, and a communicator slugs it to that office", async () => {
    const [reply] = (await inbox("comms", "post=STATE")).filter((i) => i.cableId === replyId);
    expect(reply).toMatchObject({ routingHint: ["IO/UNP"], role: "action", precedence: "PRIORITY" });
    const byReader = await as("secret", {
      method: "POST",
      url: `/api/deliveries/${reply!.id}/slug`,
      payload: { offices: ["IO/UNP"] },
    });
    expect(byReader.statusCode).toBe(403);
    const slug = await as("comms", {
      method: "POST",
      url: `/api/deliveries/${reply!.id}/slug`,
      payload: { offices: ["io/unp"] },
    });
    expect(slug.statusCode, slug.body).toBe(200);
    const office = await inbox("comms", "office=IO/UNP");
    expect(office.map((i) => [i.cableId, (i as Item & { sluggedFrom: string }).sluggedFrom])).toEqual([
      [replyId, reply!.id],
    ]);
    const unknown = await as("comms", {
      method: "POST",
      url: `/api/deliveries/${reply!.id}/slug`,
      payload: { offices: ["NO/SUCH"] },
    });
    expect(unknown.json()).toMatchObject({ code: "OFFICE_NOT_FOUND" });
  });

  it("lists newest first, or with sort=precedence the most urgent first and newest first within each", async () => {
    // A later ROUTINE cable to Panama: newest, least urgent.
    server.deps.clock.advance(60 * 60_000);
    const routine = await releaseFields(
      server.deps,
      classifiedFields(
        "SECRET",
        seedFields("08STATE16245", {
          to: [{ route: null, name: "AMEMBASSY PANAMA", office: null, precedence: "ROUTINE", mcn: null }],
          info: [],
        }),
      ),
    );
    await server.app.messaging.dispatcher.drain();
    const order = async (query: string) =>
      (await inbox("admin", `post=PANAMA${query}`)).map((i) => [i.cableId, i.precedence]);
    expect((await order(""))[0]).toEqual([routine.id, "ROUTINE"]);
    const urgent = await order("&sort=precedence");
    expect(urgent.map(([, p]) => p)).toEqual(["NIACT IMMEDIATE", "NIACT IMMEDIATE", "ROUTINE"]);
    expect(urgent.at(-1)).toEqual([routine.id, "ROUTINE"]);
    const bad = await as("admin", { url: "/api/inbox?post=PANAMA&sort=oldest" });
    expect(bad.statusCode).toBe(400);
  });
});
