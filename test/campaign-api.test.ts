// The campaign routes on both dialects: the acceptance figures through the API, recording a position from a
// cable, problems that say how to fix, and an UNCLASSIFIED reader who sees no trace of a SECRET NOFORN position.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { preloadKosovoCampaign } from "../src/services/campaigns/index.ts";
import { call, SECRET_ID, startTestServer, type TestServer } from "./helpers/server-fixtures.ts";
import { DIALECTS } from "./helpers/test-stores.ts";

type Tally = {
  bloc: string;
  members: string[];
  counts: { position: string; count: number; countries: string[] }[];
  unknown: string[];
};

const recognizing = (t: Tally) => t.counts.find((c) => c.position === "recognizes")!.count;

describe.each(DIALECTS)("%s: campaign API", (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    await preloadKosovoCampaign(server.deps);
  });
  afterAll(async () => server?.close());

  const tally = async (query: string, user: "unclassified" | "admin" = "unclassified") => {
    const res = await call(server, user, { url: `/api/campaigns/kosovo-recognition/tally?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Tally>();
  };

  it("lists the preloaded campaign and its question", async () => {
    const res = await call(server, "unclassified", { url: "/api/campaigns" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject([{ id: "kosovo-recognition", name: "Kosovo recognition", tags: ["PREL", "KV"] }]);
  });

  it("answers 57, 22 of 27 EU, 24 of 28 NATO and 7 of 7 G-7 as of 2009-04-07, none the day before independence", async () => {
    expect(recognizing(await tally("asOf=2009-04-07"))).toBe(57);
    const eu = await tally("asOf=2009-04-07&bloc=EU");
    expect([recognizing(eu), eu.members.length]).toEqual([22, 27]);
    const nato = await tally("asOf=2009-04-07&bloc=NATO");
    expect([recognizing(nato), nato.members.length]).toEqual([24, 28]);
    const g7 = await tally("asOf=2009-04-07&bloc=G7");
    expect([recognizing(g7), g7.members.length]).toEqual([7, 7]);
    expect(recognizing(await tally("asOf=2008-02-16"))).toBe(0);
  });

  it("dates bloc membership: NATO 26 then 28, the UK leaving the EU on 2020-01-31", async () => {
    const members = async (code: string, asOf: string) => {
      const res = await call(server, "unclassified", { url: `/api/blocs/${code}/members?asOf=${asOf}` });
      expect(res.statusCode).toBe(200);
      return res.json<{ members: { iso2: string; source: string }[] }>().members.map((m) => m.iso2);
    };
    expect(await members("NATO", "2009-03-31")).toHaveLength(26);
    expect(await members("NATO", "2009-04-01")).toHaveLength(28);
    expect(await members("EU", "2020-01-30")).toContain("GB");
    expect(await members("EU", "2020-01-31")).not.toContain("GB");
    const blocs = await call(server, "unclassified", { url: "/api/blocs" });
    expect(blocs.json<{ code: string }[]>().map((b) => b.code)).toEqual(
      expect.arrayContaining(["EU", "NATO", "G7", "UN"]),
    );
  });

  it("answers problems that say how to fix: an unknown bloc, campaign, bad date", async () => {
    const bloc = await call(server, "unclassified", { url: "/api/campaigns/kosovo-recognition/tally?bloc=NAFTA" });
    expect([bloc.statusCode, bloc.json().code]).toEqual([404, "BLOC_NOT_FOUND"]);
    expect(bloc.headers["content-type"]).toContain("application/problem+json");
    const campaign = await call(server, "unclassified", { url: "/api/campaigns/nope/tally" });
    expect([campaign.statusCode, campaign.json().code]).toEqual([404, "CAMPAIGN_NOT_FOUND"]);
    const date = await call(server, "unclassified", { url: "/api/campaigns/kosovo-recognition/tally?asOf=2009-4-7" });
    expect(date.statusCode).toBe(400);
  });

  it("lists changes between two days", async () => {
    const res = await call(server, "unclassified", {
      url: "/api/campaigns/kosovo-recognition/changes?bloc=EU&from=2008-02-16&to=2008-02-18",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ changes: { country: string }[] }>().changes.map((c) => c.country)).toContain("FR");
  });

  it("records a position from a cable for a drafter, refuses a reader, and refuses a position off the scale", async () => {
    const payload = {
      questionId: "kosovo-recognition",
      country: "tag:SR",
      position: "does_not_recognize",
      effectiveOn: "2009-04-07",
      sources: [{ kind: "cable", cableId: "09STATE39345" }],
    };
    const url = "/api/campaigns/kosovo-recognition/positions";
    const ok = await call(server, "confidential", { method: "POST", url, payload });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ country: "RS", classification: "CONFIDENTIAL", recordedBy: "confidential" });
    const reader = await call(server, "unclassified", { method: "POST", url, payload });
    expect([reader.statusCode, reader.json().code]).toEqual([403, "FORBIDDEN"]);
    const offScale = await call(server, "confidential", {
      method: "POST",
      url,
      payload: { ...payload, position: "supports" },
    });
    expect([offScale.statusCode, offScale.json().code]).toEqual([400, "POSITION_NOT_ON_SCALE"]);
    const country = await call(server, "confidential", {
      method: "POST",
      url,
      payload: { ...payload, country: "Narnia" },
    });
    expect([country.statusCode, country.json().code]).toEqual([400, "COUNTRY_UNKNOWN"]);
    const secret = await call(server, "confidential", {
      method: "POST",
      url,
      payload: { ...payload, sources: [{ kind: "cable", cableId: SECRET_ID }] },
    });
    expect([secret.statusCode, secret.json().code]).toEqual([404, "CABLE_NOT_FOUND"]);
  });

  it("shows an UNCLASSIFIED reader no trace of a position sourced from a SECRET NOFORN cable", async () => {
    const before = await tally("asOf=2024-01-01&bloc=UN");
    const url = "/api/campaigns/kosovo-recognition/positions";
    const res = await call(server, "admin", {
      method: "POST",
      url,
      payload: {
        questionId: "kosovo-recognition",
        country: "ES",
        position: "recognizes",
        effectiveOn: "2010-01-01",
        sources: [{ kind: "cable", cableId: SECRET_ID }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const hiddenId = res.json<{ id: string }>().id;
    const campaign = await call(server, "unclassified", { url: "/api/campaigns/kosovo-recognition" });
    expect(campaign.body).not.toContain(hiddenId);
    expect(await tally("asOf=2024-01-01&bloc=UN")).toEqual(before);
    const changes = await call(server, "unclassified", {
      url: "/api/campaigns/kosovo-recognition/changes?bloc=EU&from=2009-12-31&to=2010-01-02",
    });
    expect(changes.json<{ changes: unknown[] }>().changes).toEqual([]);
    const admin = await tally("asOf=2024-01-01&bloc=UN", "admin");
    expect(admin.counts[0]!.countries).toContain("ES");
  });
});
