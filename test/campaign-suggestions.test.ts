// Position suggestions through the API on both dialects: 09STATE39345's supporters and possible opponents offered
// for a campaign whose TAGS fit it, confirmed (recorded with the cable as source) or dismissed by a person, never
// recorded without one, and never shown to a reader who may not read the cable. And a reply's position report,
// recorded when the reply is released.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTING } from "../src/services/acting.ts";
import { createCampaign, preloadKosovoCampaign } from "../src/services/campaigns/index.ts";
import { call, SECRET_ID, startTestServer, type TestServer } from "./helpers/server-fixtures.ts";
import { DIALECTS } from "./helpers/test-stores.ts";
import { seedDraft } from "./helpers/workflow-world.ts";

type Suggestion = {
  id: string;
  cableId: string;
  paragraph: number;
  country: string;
  stance: string;
  position: string;
  questionId: string;
  status: string;
};

const CAMPAIGN = "kosovo-bodies";

describe.each(DIALECTS)("%s: position suggestions", (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    await preloadKosovoCampaign(server.deps);
    await createCampaign(server.deps, SYSTEM_ACTING, {
      id: CAMPAIGN,
      name: "Kosovo in international bodies",
      tags: ["PREL", "KV"],
      startsOn: "2009-01-01",
      questions: [{ id: "participation", title: "Supports Kosovo's participation in international bodies" }],
    });
  });
  afterAll(async () => server?.close());

  const list = async (user: "confidential" | "admin" | "unclassified", campaign = CAMPAIGN) => {
    const res = await call(server, user, { url: `/api/campaigns/${campaign}/suggestions` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Suggestion[]>();
  };
  const events = async (user: "confidential" | "admin") =>
    (await call(server, user, { url: `/api/campaigns/${CAMPAIGN}` })).json<{ events: { country: string }[] }>().events;

  it("suggests support from seven countries and possible opposition from six in 09STATE39345, all open", async () => {
    const seed = (await list("confidential")).filter((s) => s.cableId === "09STATE39345" && s.paragraph === 3);
    expect(seed.filter((s) => s.position === "supports").map((s) => s.country)).toEqual([
      "FR",
      "DE",
      "GB",
      "IT",
      "TR",
      "HR",
      "AL",
    ]);
    expect(seed.filter((s) => s.position === "leaning_against").map((s) => s.country)).toEqual([
      "RS",
      "RU",
      "CU",
      "CY",
      "ES",
      "VE",
    ]);
    expect(seed.every((s) => s.status === "open" && s.questionId === "participation")).toBe(true);
    expect(await events("admin")).toEqual([]);
  });

  it("shows a reader only the suggestions of cables he may read", async () => {
    expect((await list("confidential")).map((s) => s.cableId)).not.toContain(SECRET_ID);
    expect((await list("admin")).map((s) => s.cableId)).toContain(SECRET_ID);
    expect(await list("unclassified")).toEqual([]);
  });

  it("offers on a recognition question only the stances that answer it", async () => {
    const recognition = await list("confidential", "kosovo-recognition");
    expect(recognition.map((s) => `${s.cableId} ${s.country} ${s.position}`)).toEqual(["09STATE39345 US recognizes"]);
  });

  it("records a confirmed suggestion with the cable as source, marked as the cable, and only once", async () => {
    const url = "/api/suggestions/09STATE39345-p3-FR-supports/confirm";
    const res = await call(server, "confidential", { method: "POST", url, payload: { campaignId: CAMPAIGN } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      suggestion: { status: "confirmed", country: "FR" },
      event: {
        country: "FR",
        position: "supports",
        effectiveOn: "2009-04-21",
        sources: [{ kind: "cable", cableId: "09STATE39345" }],
        classification: "CONFIDENTIAL",
        recordedBy: "confidential",
      },
    });
    expect((await events("confidential")).map((e) => e.country)).toEqual(["FR"]);
    const again = await call(server, "confidential", { method: "POST", url, payload: { campaignId: CAMPAIGN } });
    expect([again.statusCode, again.json().code]).toEqual([409, "SUGGESTION_DECIDED"]);
    const listed = (await list("confidential")).find((s) => s.id === "09STATE39345-p3-FR-supports");
    expect(listed?.status).toBe("confirmed");
  });

  it("dismisses a suggestion without recording anything", async () => {
    const url = "/api/suggestions/09STATE39345-p3-RS-opposes/dismiss";
    const res = await call(server, "confidential", { method: "POST", url });
    expect(res.statusCode, res.body).toBe(200);
    expect((await list("confidential")).find((s) => s.id === "09STATE39345-p3-RS-opposes")?.status).toBe("dismissed");
    expect((await events("admin")).map((e) => e.country)).not.toContain("RS");
  });

  it("refuses a reader (403) and hides a SECRET cable's suggestion from a CONFIDENTIAL drafter (404)", async () => {
    const reader = await call(server, "unclassified", {
      method: "POST",
      url: "/api/suggestions/09STATE39345-p3-DE-supports/confirm",
      payload: { campaignId: CAMPAIGN },
    });
    expect([reader.statusCode, reader.json().code]).toEqual([403, "FORBIDDEN"]);
    const secret = await call(server, "confidential", {
      method: "POST",
      url: `/api/suggestions/${SECRET_ID}-p3-DE-supports/confirm`,
      payload: { campaignId: CAMPAIGN },
    });
    expect([secret.statusCode, secret.json().code]).toEqual([404, "SUGGESTION_NOT_FOUND"]);
    expect(secret.body).not.toContain("Delegations");
  });

  it("records a reply's position report when the reply is released, with the reply as its source", async () => {
    const report = {
      campaignId: "kosovo-recognition",
      questionId: "kosovo-recognition",
      country: "tag:SP",
      position: "does_not_recognize",
      confidence: "confirmed",
    };
    const created = await call(server, "admin", {
      method: "POST",
      url: "/api/drafts",
      payload: { ...seedDraft("08STATE16245"), positionReport: report },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: string }>().id;
    const read = await call(server, "admin", { url: `/api/drafts/${id}` });
    expect(read.json().positionReport).toEqual(report);
    const released = await call(server, "admin", { method: "POST", url: `/api/drafts/${id}/release`, payload: {} });
    expect(released.statusCode, released.body).toBe(200);
    const body = released.json<{ id: string; positionEvent: Record<string, unknown> }>();
    expect(body.positionEvent).toMatchObject({
      country: "ES",
      position: "does_not_recognize",
      confidence: "confirmed",
      effectiveOn: "2024-05-01",
      sources: [{ kind: "cable", cableId: body.id }],
    });
  });

  it("refuses to release a reply whose position report is off the question's scale", async () => {
    const created = await call(server, "admin", {
      method: "POST",
      url: "/api/drafts",
      payload: {
        ...seedDraft("08STATE16245"),
        positionReport: {
          campaignId: "kosovo-recognition",
          questionId: "kosovo-recognition",
          country: "FR",
          position: "supports",
        },
      },
    });
    const id = created.json<{ id: string }>().id;
    const released = await call(server, "admin", { method: "POST", url: `/api/drafts/${id}/release`, payload: {} });
    expect([released.statusCode, released.json().code]).toEqual([409, "NOT_READY_FOR_RELEASE"]);
    expect(released.json().detail ?? released.body).toContain("no position");
  });
});
