// The campaigns service on both dialects: the preloaded Kosovo campaign answers the acceptance figures
// through the store and the access rule; positions are recorded from readable cables only, marked at least as their
// sources, by drafters, approvers and admins; a reader below a hidden event's marking sees no trace of it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_READER, type Reader } from "../src/services/access/index.ts";
import { SYSTEM_ACTING } from "../src/services/acting.ts";
import { archiveCables } from "../src/services/archive/index.ts";
import {
  blocMembersOn,
  campaignById,
  campaignChanges,
  createCampaign,
  listBlocs,
  listCampaigns,
  preloadKosovoCampaign,
  recordPosition,
  tallyCampaign,
  type TallyView,
} from "../src/services/campaigns/index.ts";
import { writeEvent } from "../src/services/campaigns/write-event.ts";
import { fixedClock, type Deps } from "../src/services/clock.ts";
import type { Store } from "../src/store/open-store.ts";
import { parseTelegram } from "../src/telegram/index.ts";
import { rejectionOf } from "./helpers/expect-rejection.ts";
import { buildCable } from "./helpers/factories.ts";
import { readSeed } from "./helpers/seeds.ts";
import { DIALECTS, openTestStore } from "./helpers/test-stores.ts";

const K = "kosovo-recognition";
const unclassified: Reader = {
  ...SYSTEM_READER,
  userId: "u",
  clearance: "UNCLASSIFIED",
  accesses: [],
  lists: [],
  offices: [],
};
const drafter = { id: "d1", username: "drafter", roles: ["reader", "drafter"] as const };
const confidential: Reader = { ...unclassified, clearance: "CONFIDENTIAL" };
const secretReader: Reader = { ...unclassified, clearance: "SECRET", accesses: ["NOFORN"] };

async function expectRejection(promise: Promise<unknown>, code: string): Promise<void> {
  expect((await rejectionOf(promise)).code).toBe(code);
}

function count(t: TallyView, position = "recognizes"): number {
  return t.counts.find((c) => c.position === position)?.count ?? -1;
}

describe.each(DIALECTS)("%s: campaigns service", (dialect) => {
  let store: Store;
  let deps: Deps;

  beforeAll(async () => {
    store = await openTestStore(dialect, "campaign_svc");
    deps = { store, clock: fixedClock("2024-05-01T09:00:00Z") };
    const raw = readSeed("09STATE39345");
    await archiveCables(store, [
      { cable: parseTelegram(raw), raw, source: "seeds" },
      {
        cable: buildCable({ id: "09STATE90001", classification: "SECRET", caveats: ["NOFORN"] }),
        raw: null,
        source: "t",
      },
    ]);
    expect(await preloadKosovoCampaign(deps)).toMatchObject({ created: true });
  });
  afterAll(async () => store?.close());

  it("preloads the Kosovo campaign once: a second preload adds nothing", async () => {
    expect(await preloadKosovoCampaign(deps)).toEqual({ created: false, events: 0 });
    const campaigns = await listCampaigns(store);
    expect(campaigns.map((c) => c.name)).toEqual(["Kosovo recognition"]);
    expect(campaigns[0]).toMatchObject({ tags: ["PREL", "KV"], startsOn: "2008-02-17" });
    const campaign = await campaignById(store, unclassified, K);
    expect(campaign.events.length).toBeGreaterThan(100);
    expect(campaign.events.every((e) => e.sources.length > 0)).toBe(true);
  });

  it("answers the seed's tally of 2009-04-07: 57 states, 22 of 27 EU, 24 of 28 NATO, 7 of 7 G-7", async () => {
    const asOf = "2009-04-07";
    const at = (bloc?: string) => tallyCampaign(deps, unclassified, { campaignId: K, bloc, asOf });
    const world = await at();
    expect([world.bloc, count(world)]).toEqual(["WORLD", 57]);
    const eu = await at("EU");
    expect([count(eu), eu.members.length]).toEqual([22, 27]);
    const nato = await at("nato");
    expect([count(nato), nato.members.length]).toEqual([24, 28]);
    const g7 = await at("G7");
    expect([count(g7), g7.members.length]).toEqual([7, 7]);
    const neighbours = ["AL", "MK", "ME", "RS"];
    const recognizing = world.counts[0]!.countries.filter((c) => neighbours.includes(c));
    expect(recognizing.sort()).toEqual(["AL", "ME", "MK"].sort());
    expect(world.unknown).toContain("RS");
  });

  it("counts nobody before the declaration of 2008-02-17", async () => {
    const world = await tallyCampaign(deps, unclassified, { campaignId: K, asOf: "2008-02-16" });
    expect(count(world)).toBe(0);
    expect(world.unknown).toHaveLength(world.members.length);
  });

  it("dates bloc membership edges: NATO 26 then 28 on 2009-04-01, the UK out of the EU on 2020-01-31", () => {
    expect(blocMembersOn("NATO", "2009-03-31").members).toHaveLength(26);
    expect(blocMembersOn("NATO", "2009-04-01").members).toHaveLength(28);
    expect(blocMembersOn("EU", "2020-01-30").members.map((m) => m.iso2)).toContain("GB");
    expect(blocMembersOn("EU", "2020-01-31").members.map((m) => m.iso2)).not.toContain("GB");
    expect(blocMembersOn("NATO", "2009-04-01").members.every((m) => m.source.length > 0)).toBe(true);
    expect(listBlocs("2009-04-01").find((b) => b.code === "NATO")?.memberCount).toBe(28);
  });

  it("names the unknown bloc, question and campaign with how to fix", async () => {
    await expectRejection(tallyCampaign(deps, unclassified, { campaignId: K, bloc: "NAFTA" }), "BLOC_NOT_FOUND");
    await expectRejection(tallyCampaign(deps, unclassified, { campaignId: K, question: "imf" }), "QUESTION_NOT_FOUND");
    await expectRejection(tallyCampaign(deps, unclassified, { campaignId: "nope" }), "CAMPAIGN_NOT_FOUND");
    expect(() => blocMembersOn("NAFTA", "2009-01-01")).toThrow(/known: WORLD, /);
  });

  it("lists what changed between two days", async () => {
    const { changes } = await campaignChanges(deps, unclassified, {
      campaignId: K,
      bloc: "EU",
      from: "2008-02-16",
      to: "2008-02-18",
    });
    expect(changes.map((c) => c.country)).toEqual(expect.arrayContaining(["FR", "GB"]));
    expect(changes.every((c) => c.before === null && c.after === "recognizes")).toBe(true);
  });

  describe("recording a position", () => {
    let campaignId: string;
    beforeAll(async () => {
      const created = await createCampaign(deps, SYSTEM_ACTING, {
        name: "IMF membership",
        startsOn: "2009-01-01",
        questions: [{ id: "imf", title: "Supports Kosovo in the IMF" }],
      });
      campaignId = created.id;
    });
    const base = {
      questionId: "imf",
      country: "France",
      position: "supports",
      effectiveOn: "2009-04-07",
      sources: [{ kind: "cable" as const, cableId: "09STATE39345" }],
    };

    it("records from a readable reply cable, marked as the cable is, with an audit entry", async () => {
      const event = await recordPosition(deps, { by: drafter, reader: confidential, campaignId, position: base });
      expect(event).toMatchObject({ country: "FR", classification: "CONFIDENTIAL", recordedBy: "drafter" });
      const audit = await store.db
        .selectFrom("audit_log")
        .selectAll()
        .where("action", "=", "position.record")
        .execute();
      expect(audit.map((a) => a.target)).toContain(campaignId);
    });

    it("counts a new event in the next tally, however often the question was tallied before", async () => {
      const query = { campaignId, question: "imf", asOf: "2009-05-01" };
      const before = await tallyCampaign(deps, SYSTEM_READER, query);
      expect(before.counts[0]!.countries).not.toContain("IT");
      await recordPosition(deps, {
        by: drafter,
        reader: confidential,
        campaignId,
        position: { ...base, country: "IT" },
      });
      expect((await tallyCampaign(deps, SYSTEM_READER, query)).counts[0]!.countries).toContain("IT");
    });

    it("counts an event another process wrote (a row and a raised revision, nothing told) at the next tally", async () => {
      const query = { campaignId, question: "imf", asOf: "2009-05-01" };
      await tallyCampaign(deps, SYSTEM_READER, query);
      expect((await tallyCampaign(deps, SYSTEM_READER, query)).counts[0]!.countries).not.toContain("PT");
      // What the CLI's process leaves in the database: the event and the campaign's revision, in one transaction.
      await store.transaction((tx) =>
        writeEvent(
          tx,
          campaignId,
          {
            id: "other-process-pt",
            questionId: "imf",
            country: "PT",
            position: "supports",
            effectiveOn: "2009-04-20",
            recordedOn: "2009-04-20",
            confidence: "reported",
            sources: [{ kind: "text", text: "elsewhere" }],
            note: null,
            recordedBy: "cli",
            classification: "UNCLASSIFIED",
            caveats: [],
            supersedes: null,
          },
          { captioned: false, grants: [] },
          new Date("2024-05-01T09:00:00Z"),
        ),
      );
      expect((await tallyCampaign(deps, SYSTEM_READER, query)).counts[0]!.countries).toContain("PT");
    });

    it("reads a TAGS code and names the unknown country", async () => {
      const event = await recordPosition(deps, {
        by: drafter,
        reader: SYSTEM_READER,
        campaignId,
        position: { ...base, country: "tag:RS", position: "opposes" },
      });
      expect(event.country).toBe("RU");
      await expectRejection(
        recordPosition(deps, {
          by: drafter,
          reader: SYSTEM_READER,
          campaignId,
          position: { ...base, country: "Atlantis" },
        }),
        "COUNTRY_UNKNOWN",
      );
    });

    it("refuses a position off the scale, a source the reader may not read, a marking below the source, a reader", async () => {
      const record = (
        position: object,
        reader: Reader = confidential,
        by: typeof drafter | { id: string; username: string; roles: readonly ["reader"] } = drafter,
      ) => recordPosition(deps, { by, reader, campaignId, position: { ...base, ...position } });
      await expectRejection(record({ position: "recognizes" }), "POSITION_NOT_ON_SCALE");
      await expectRejection(record({ sources: [{ kind: "cable", cableId: "09STATE90001" }] }), "CABLE_NOT_FOUND");
      await expectRejection(record({}, unclassified), "CABLE_NOT_FOUND");
      await expectRejection(record({ classification: "UNCLASSIFIED" }), "POSITION_BELOW_SOURCE");
      await expectRejection(
        record({ sources: [{ kind: "cable", cableId: "09STATE90001" }], caveats: [] }, secretReader),
        "POSITION_BELOW_SOURCE",
      );
      await expectRejection(record({}, confidential, { id: "r", username: "reader", roles: ["reader"] }), "FORBIDDEN");
    });

    it("hides an event from a SECRET NOFORN cable from an UNCLASSIFIED reader, in events, tallies and changes", async () => {
      const before = await tallyCampaign(deps, unclassified, { campaignId, question: "imf", asOf: "2009-05-01" });
      const hidden = await recordPosition(deps, {
        by: drafter,
        reader: secretReader,
        campaignId,
        position: { ...base, country: "DE", sources: [{ kind: "cable", cableId: "09STATE90001" }] },
      });
      expect(hidden).toMatchObject({ classification: "SECRET", caveats: ["NOFORN"] });
      const seen = await campaignById(store, unclassified, campaignId);
      expect(seen.events.map((e) => e.id)).not.toContain(hidden.id);
      const after = await tallyCampaign(deps, unclassified, { campaignId, question: "imf", asOf: "2009-05-01" });
      expect(after).toEqual(before);
      const changes = await campaignChanges(deps, unclassified, {
        campaignId,
        question: "imf",
        from: "2009-01-01",
        to: "2009-05-01",
      });
      expect(changes.changes.map((c) => c.country)).not.toContain("DE");
      const cleared = await tallyCampaign(deps, secretReader, { campaignId, question: "imf", asOf: "2009-05-01" });
      expect(cleared.counts[0]!.countries).toContain("DE");
    });
  });
});
