// Position suggestions through the API on both dialects: 09STATE39345's supporters and possible opponents offered
// for a campaign whose TAGS fit it, confirmed (recorded with the cable as source) or dismissed by a person, never
// recorded without one, and never shown to a reader who may not read the cable. And a reply's position report,
// recorded when the reply is released. A draft's text is read for suggestions each time it is saved: shown to the
// drafter and to campaign editors who may see the draft, to no one else, and handed to the cable on release.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTING } from "../src/services/acting.ts";
import { createCampaign, preloadKosovoCampaign } from "../src/services/campaigns/index.ts";
import { call, SECRET_ID, startTestServer, type TestServer } from "./helpers/server-fixtures.ts";
import { DIALECTS } from "./helpers/test-stores.ts";
import { seedDraft } from "./helpers/workflow-world.ts";

type Suggestion = {
  id: string;
  cableId: string | null;
  draftId: string | null;
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

  describe("a draft's suggestions", () => {
    let draftId: string;
    type DraftSuggestion = { id: string; paragraph: number; country: string; stance: string; status: string };
    const ofDraft = async (user: "confidential" | "admin" | "unclassified") => {
      const res = await call(server, user, { url: `/api/drafts/${draftId}/suggestions` });
      return { status: res.statusCode, body: res.statusCode === 200 ? res.json<DraftSuggestion[]>() : res.json() };
    };

    beforeAll(async () => {
      const created = await call(server, "confidential", {
        method: "POST",
        url: "/api/drafts",
        payload: seedDraft("09STATE39345"),
      });
      expect(created.statusCode, created.body).toBe(201);
      draftId = created.json<{ id: string }>().id;
    });

    it("reads the saved draft for suggestions pointing at their paragraph, and records nothing", async () => {
      const { status, body } = await ofDraft("confidential");
      expect(status).toBe(200);
      const seed = (body as DraftSuggestion[]).filter((s) => s.paragraph === 3);
      expect(seed.filter((s) => s.stance === "supports").map((s) => s.country)).toEqual(
        expect.arrayContaining(["FR", "DE", "GB", "IT", "TR", "HR", "AL"]),
      );
      expect(seed.filter((s) => s.stance === "opposes").map((s) => s.country)).toEqual(
        expect.arrayContaining(["RS", "RU", "CU", "CY", "ES", "VE"]),
      );
      expect(seed.every((s) => s.status === "open")).toBe(true);
      expect((await events("admin")).map((e) => e.country)).toEqual(["FR"]);
    });

    it("offers them to a campaign editor who may see the draft, as the draft's, and to no one else", async () => {
      const mine = (await list("confidential")).filter((s) => s.draftId === draftId);
      expect(mine.length).toBeGreaterThanOrEqual(13);
      expect(mine.every((s) => s.cableId === null && s.status === "open")).toBe(true);
      expect((await list("unclassified")).some((s) => s.draftId !== null)).toBe(false);
      expect(await ofDraft("unclassified")).toMatchObject({ status: 404, body: { code: "DRAFT_NOT_FOUND" } });
      const hidden = await call(server, "unclassified", { url: `/api/campaigns/${CAMPAIGN}/suggestions` });
      expect(hidden.body).not.toContain("Delegations");
    });

    it("reads the text again on each save: a sentence removed takes its suggestions with it", async () => {
      const fields = seedDraft("09STATE39345");
      const paragraphs = fields.paragraphs!.filter((_, i) => i !== 3);
      const saved = await call(server, "confidential", {
        method: "PATCH",
        url: `/api/drafts/${draftId}`,
        payload: { paragraphs },
      });
      expect(saved.statusCode, saved.body).toBe(200);
      const after = (await ofDraft("confidential")).body as DraftSuggestion[];
      expect(after.map((s) => s.country)).not.toContain("FR");
      const back = await call(server, "confidential", {
        method: "PATCH",
        url: `/api/drafts/${draftId}`,
        payload: { paragraphs: fields.paragraphs },
      });
      expect(back.statusCode, back.body).toBe(200);
      expect(((await ofDraft("confidential")).body as DraftSuggestion[]).map((s) => s.country)).toContain("FR");
    });

    it("records nothing on a draft's confirmation (its source is not archived yet), and keeps a dismissal on saves", async () => {
      const id = `draft:${draftId}-p3-DE-supports`;
      const confirm = await call(server, "confidential", {
        method: "POST",
        url: `/api/suggestions/${encodeURIComponent(id)}/confirm`,
        payload: { campaignId: CAMPAIGN },
      });
      expect([confirm.statusCode, confirm.json().code]).toEqual([409, "SUGGESTION_IN_DRAFT"]);
      const stranger = await call(server, "unclassified", {
        method: "POST",
        url: `/api/suggestions/${encodeURIComponent(id)}/dismiss`,
      });
      expect(stranger.statusCode).toBe(403);
      const dismiss = await call(server, "confidential", {
        method: "POST",
        url: `/api/suggestions/${encodeURIComponent(id)}/dismiss`,
      });
      expect(dismiss.statusCode, dismiss.body).toBe(200);
      await call(server, "confidential", {
        method: "PATCH",
        url: `/api/drafts/${draftId}`,
        payload: { subject: "KOSOVO: SUPPORT IN INTERNATIONAL BODIES (REVISED)" },
      });
      const de = ((await ofDraft("confidential")).body as DraftSuggestion[]).find((s) => s.id === id);
      expect(de?.status).toBe("dismissed");
      expect((await events("admin")).map((e) => e.country)).toEqual(["FR"]);
    });

    it("hands its suggestions, decisions and all, to the cable it is released as", async () => {
      const released = await call(server, "admin", {
        method: "POST",
        url: `/api/drafts/${draftId}/release`,
        payload: {},
      });
      expect(released.statusCode, released.body).toBe(200);
      const cableId = released.json<{ id: string }>().id;
      const listed = (await list("confidential")).filter((s) => s.cableId === cableId);
      expect(listed.find((s) => s.id === `${cableId}-p3-DE-supports`)?.status).toBe("dismissed");
      expect(listed.find((s) => s.id === `${cableId}-p3-FR-supports`)?.status).toBe("open");
      expect((await list("confidential")).some((s) => s.draftId === draftId)).toBe(false);
    });
  });
});
