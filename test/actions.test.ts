// Action requests: one task per action addressee on release; a later cable from the post citing the tasking cable
// reports it (imported or released alike); done with a note; the dashboard per post, overdue after the deadline.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { archiveCables } from "../src/services/archive/index.ts";
import { createUser } from "../src/services/users/index.ts";
import { classifiedFields, releaseFields, seedFields, SEED08_ACTION } from "./helpers/distribution-fixtures.ts";
import { buildCable } from "./helpers/factories.ts";
import { PASSWORD, startTestServer, type TestServer } from "./helpers/server-fixtures.ts";
import { DIALECTS } from "./helpers/test-stores.ts";
import { SYSTEM_ACTING } from "../src/services/acting.ts";

const DUE = "2024-05-02T12:00:00.000Z";
type Dashboard = {
  summary: Record<string, number>;
  posts: { post: string; status: string; tasks: { id: string; reportedBy: string | null; note: string | null }[] }[];
};

const TO_STATE = [{ route: null, name: "SECSTATE WASHDC", office: null, precedence: "IMMEDIATE" as const, mcn: null }];

/** An imported reply from `station` citing the tasking cable. */
function replyFrom(station: string, id: string, cites: string) {
  return buildCable({ id, origin: station, to: TO_STATE, references: [{ label: null, id: cites, text: cites }] });
}

describe.each(DIALECTS)("action requests on %s", (dialect) => {
  let server: TestServer;
  /** The seed demarche, released with an action request before the tests. */
  let demarcheId: string;
  const dashboard = async (user: "admin" | "unclassified", id = demarcheId) => {
    const res = await server.app.inject({
      url: `/api/cables/${id}/actions`,
      headers: { cookie: await server.freshCookie(user) },
    });
    return { status: res.statusCode, body: res.json() as Dashboard & { code?: string } };
  };

  beforeAll(async () => {
    server = await startTestServer(dialect, { messaging: { pollMs: 0, senders: [] } });
    await createUser(server.deps, SYSTEM_ACTING, {
      username: "pretoria",
      clearance: "UNCLASSIFIED",
      post: "PRETORIA",
      password: PASSWORD,
    });
    const request = { what: "Deliver the demarche and report the response", posts: [], due: DUE };
    demarcheId = (await releaseFields(server.deps, seedFields("08STATE16245", { actionRequests: [request] }))).id;
    await server.app.messaging.dispatcher.drain();
  });
  afterAll(async () => server?.close());

  it("gives each of the five action posts a pending task, and no info post one", async () => {
    const { body } = await dashboard("admin");
    expect(body.posts.map((p) => p.post)).toEqual(SEED08_ACTION);
    expect(body.summary).toEqual({ pending: 5, acknowledged: 0, reported: 0, overdue: 0 });
  });

  it("counts a post acknowledged once it acknowledges its copy", async () => {
    const copy = await server.store.db
      .selectFrom("deliveries")
      .select("id")
      .where("cable_id", "=", demarcheId)
      .where("post", "=", "AMEMBASSY PANAMA")
      .executeTakeFirstOrThrow();
    const ack = await server.app.inject({
      method: "POST",
      url: `/api/deliveries/${copy.id}/ack`,
      headers: { cookie: await server.cookieOf("admin"), "content-type": "application/json" },
    });
    expect(ack.statusCode).toBe(200);
    expect((await dashboard("admin")).body.summary).toEqual({ pending: 4, acknowledged: 1, reported: 0, overdue: 0 });
  });

  it("marks reported the tasks of posts whose later cables cite the tasking cable, imported or released", async () => {
    await archiveCables(server.store, [
      { cable: replyFrom("OUAGADOUGOU", "26OUAGADOUGOU11", demarcheId), raw: null },
      { cable: replyFrom("PANAMA", "26PANAMA12", demarcheId), raw: null },
      // Citing another cable reports nothing.
      { cable: replyFrom("TRIPOLI", "26TRIPOLI13", "08STATE16245"), raw: null },
    ]);
    // Drafted at San Jose: the post is the origin.
    const reply = {
      from: undefined,
      to: TO_STATE,
      info: [],
      references: [{ label: null, id: demarcheId, text: demarcheId }],
    };
    await releaseFields(server.deps, seedFields("08STATE16245", reply), "SANJOSE");
    const { body } = await dashboard("admin");
    expect(body.summary).toEqual({ pending: 2, acknowledged: 0, reported: 3, overdue: 0 });
    const panama = body.posts.find((p) => p.post === "AMEMBASSY PANAMA")!;
    expect(panama).toMatchObject({ status: "reported", tasks: [{ reportedBy: "26PANAMA12" }] });
  });

  it("shows the posts still waiting as overdue after the deadline", async () => {
    server.deps.clock.set("2024-05-02T12:00:01Z");
    expect((await dashboard("admin")).body.summary).toEqual({ pending: 0, acknowledged: 0, reported: 3, overdue: 2 });
  });

  it("lets the tasked post mark its task done with a note, and nobody else", async () => {
    const pretoria = (await dashboard("admin")).body.posts.find((p) => p.post === "AMEMBASSY PRETORIA")!;
    const taskId = pretoria.tasks[0]!.id;
    const done = (user: string) =>
      server.freshCookie(user as "admin").then((cookie) =>
        server.app.inject({
          method: "POST",
          url: `/api/tasks/${taskId}/done`,
          headers: { cookie, "content-type": "application/json" },
          payload: { note: "Delivered orally to the MFA" },
        }),
      );
    expect((await done("unclassified")).statusCode).toBe(404);
    expect((await done("pretoria")).statusCode).toBe(204);
    const after = (await dashboard("admin")).body;
    expect(after.summary).toEqual({ pending: 0, acknowledged: 0, reported: 4, overdue: 1 });
    expect(after.posts.find((p) => p.post === "AMEMBASSY PRETORIA")!.tasks[0]!.note).toBe(
      "Delivered orally to the MFA",
    );
  });

  it("answers 404 for the dashboard of a cable the reader may not read", async () => {
    const request = { what: "Report", posts: ["PANAMA"], due: DUE };
    const secret = await releaseFields(
      server.deps,
      classifiedFields("SECRET", seedFields("08STATE16245", { actionRequests: [request] })),
    );
    const visible = await dashboard("admin", secret.id);
    expect(visible.body.posts.map((p) => [p.post, p.status])).toEqual([["AMEMBASSY PANAMA", "overdue"]]);
    const denied = await dashboard("unclassified", secret.id);
    expect(denied.status).toBe(404);
    expect(denied.body.code).toBe("CABLE_NOT_FOUND");
  });
});
