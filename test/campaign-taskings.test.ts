// Taskings tied to campaign questions through the API on both dialects: the seed demarche 08STATE16245, released
// with an action request to the Security Council capitals, is tied to the Kosovo question; each action post's line
// then moves from tasked to reported (its reply) to position recorded (an event for its country since the tasking),
// and a reader sees only what he may read.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { archiveCables } from "../src/services/archive/index.ts";
import { preloadKosovoCampaign } from "../src/services/campaigns/index.ts";
import { releaseFields, seedFields } from "./helpers/distribution-fixtures.ts";
import { buildCable } from "./helpers/factories.ts";
import { call, SECRET_ID, startTestServer, type TestServer } from "./helpers/server-fixtures.ts";
import { DIALECTS } from "./helpers/test-stores.ts";

type Tasking = {
  cableId: string;
  post: string;
  country: string | null;
  reportedBy: string | null;
  position: { position: string } | null;
  status: string;
};

const K = "kosovo-recognition";
const TO_STATE = [{ route: null, name: "SECSTATE WASHDC", office: null, precedence: "IMMEDIATE" as const, mcn: null }];

describe.each(DIALECTS)("%s: campaign taskings", (dialect) => {
  let server: TestServer;
  let demarcheId: string;
  const taskings = async (user: "unclassified" | "admin") => {
    const res = await call(server, user, { url: `/api/campaigns/${K}/taskings` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Tasking[]>();
  };
  const line = (rows: Tasking[], country: string) => rows.find((r) => r.country === country)!;

  beforeAll(async () => {
    server = await startTestServer(dialect, { messaging: { pollMs: 0, senders: [] } });
    await preloadKosovoCampaign(server.deps);
    const request = { what: "Deliver the demarche and report the response", posts: [], due: "2024-05-08T12:00:00Z" };
    demarcheId = (await releaseFields(server.deps, seedFields("08STATE16245", { actionRequests: [request] }))).id;
  });
  afterAll(async () => server?.close());

  it("refuses a reader without the drafter role, and a cable without action requests", async () => {
    const tie = (user: "unclassified" | "confidential", cableId: string) =>
      call(server, user, { method: "POST", url: `/api/campaigns/${K}/taskings`, payload: { cableId } });
    const reader = await tie("unclassified", demarcheId);
    expect([reader.statusCode, reader.json().code]).toEqual([403, "FORBIDDEN"]);
    const untasked = await tie("confidential", "09STATE39345");
    expect([untasked.statusCode, untasked.json().code]).toEqual([400, "INVALID_INPUT"]);
    expect(await taskings("admin")).toEqual([]);
  });

  it("ties the demarche to the question: each of the five Security Council capitals tasked, by its ISO country", async () => {
    const res = await call(server, "confidential", {
      method: "POST",
      url: `/api/campaigns/${K}/taskings`,
      payload: { cableId: demarcheId, questionId: K },
    });
    expect(res.statusCode, res.body).toBe(200);
    const rows = await taskings("unclassified");
    expect(rows).toEqual(res.json());
    expect(rows.map((r) => [r.post, r.country, r.status])).toEqual([
      ["AMEMBASSY OUAGADOUGOU", "BF", "tasked"],
      ["AMEMBASSY PANAMA", "PA", "tasked"],
      ["AMEMBASSY PRETORIA", "ZA", "tasked"],
      ["AMEMBASSY SAN JOSE", "CR", "tasked"],
      ["AMEMBASSY TRIPOLI", "LY", "tasked"],
    ]);
    // Panama recognized Kosovo in 2009, long before this tasking: that is no answer to it.
    expect(line(rows, "PA").position).toBeNull();
  });

  it("shows the reply that reported a post's task, then the position recorded for its country", async () => {
    await archiveCables(server.store, [
      {
        cable: buildCable({
          id: "24PANAMA77",
          origin: "PANAMA",
          to: TO_STATE,
          references: [{ label: null, id: demarcheId, text: demarcheId }],
        }),
        raw: null,
      },
    ]);
    expect(line(await taskings("unclassified"), "PA")).toMatchObject({ reportedBy: "24PANAMA77", status: "reported" });
    const recorded = await call(server, "admin", {
      method: "POST",
      url: `/api/campaigns/${K}/positions`,
      payload: {
        questionId: K,
        country: "PA",
        position: "recognizes",
        effectiveOn: "2009-01-16",
        sources: [{ kind: "cable", cableId: "24PANAMA77" }],
      },
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(line(await taskings("unclassified"), "PA")).toMatchObject({
      position: { position: "recognizes" },
      status: "position recorded",
    });
  });

  it("shows an UNCLASSIFIED reader no trace of a position sourced from a SECRET NOFORN cable", async () => {
    const recorded = await call(server, "admin", {
      method: "POST",
      url: `/api/campaigns/${K}/positions`,
      payload: {
        questionId: K,
        country: "LY",
        position: "does_not_recognize",
        effectiveOn: "2024-04-30",
        sources: [{ kind: "cable", cableId: SECRET_ID }],
      },
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(line(await taskings("admin"), "LY").status).toBe("position recorded");
    expect(line(await taskings("unclassified"), "LY")).toMatchObject({ position: null, status: "tasked" });
  });
});
