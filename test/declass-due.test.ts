// The due list on both databases: cables due for declassification review counted by origin and classification,
// overdue apart, listed oldest first, under the access rule; the schedule back-filled for an older archive; and
// release proposals for cables whose portions are all unclassified.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTING } from "../src/services/acting.ts";
import { SYSTEM_READER } from "../src/services/access/index.ts";
import { archiveCables } from "../src/services/archive/index.ts";
import { fixedClock } from "../src/services/clock.ts";
import { dueList, proposeReleases, scheduleArchivedCables } from "../src/services/declass/index.ts";
import { searchCables } from "../src/services/search/index.ts";
import type { Store } from "../src/store/open-store.ts";
import { buildReader, seed, variantOf } from "./helpers/archive-fixtures.ts";
import { rejectionOf } from "./helpers/expect-rejection.ts";
import { buildCable } from "./helpers/factories.ts";
import { DIALECTS, openTestStore } from "./helpers/test-stores.ts";

const archivist = { username: "archie", roles: ["reader", "archivist"] as const };
const drafter = { username: "dora", roles: ["reader", "drafter"] as const };
const clock = fixedClock("2026-12-06T09:00:00Z");
const eo = (text: string, decl: string | null = null) => ({ order: "12958", decl, text });

/** The archive: both seeds, and cables chosen to fall on every side of the schedule. */
function cables() {
  const kosovo = seed("09STATE39345");
  const demarche = seed("08STATE16245");
  return [
    { cable: kosovo.cable, raw: kosovo.raw },
    { cable: demarche.cable, raw: demarche.raw },
    // Secret, OADR from 1990: the 25-year rule, due since 2015-12-31.
    {
      cable: buildCable({
        id: "90BAGHDAD4237",
        origin: "BAGHDAD",
        dtg: "1990-07-25T10:00:00Z",
        classification: "SECRET",
        eo: eo("DECL:OADR"),
        paragraphs: [{ number: 1, marking: "S", text: "Secret words." }],
      }),
      raw: null,
    },
    // NOFORN, due 2020-01-05: only a reader with the NOFORN access sees it, or counts it.
    {
      cable: variantOf(kosovo.cable, {
        id: "10STATE2",
        caveats: ["NOFORN"],
        eo: eo("DECL: 01/05/2020", "2020-01-05"),
        dtg: "2010-01-05T10:00:00Z",
      }),
      raw: null,
    },
    // Confidential, all portions unclassified, due 2018-03-01: a release proposal.
    {
      cable: buildCable({
        id: "08PARIS1",
        origin: "PARIS",
        dtg: "2008-03-01T10:00:00Z",
        classification: "CONFIDENTIAL",
        eo: eo("DECL: 03/01/2018", "2018-03-01"),
        paragraphs: [
          { number: 1, marking: "U", text: "Open words." },
          { number: 2, marking: "SBU", text: "Sensitive words." },
        ],
      }),
      raw: null,
    },
    // Confidential, due in 2030: scheduled, not due.
    {
      cable: buildCable({
        id: "10PARIS2",
        origin: "PARIS",
        classification: "CONFIDENTIAL",
        dtg: "2010-01-05T10:00:00Z",
        eo: eo("DECL: 01/05/2030", "2030-01-05"),
      }),
      raw: null,
    },
  ];
}

describe.each(DIALECTS)("%s: the declassification due list", (dialect) => {
  let store: Store;
  const deps = () => ({ store, clock });
  beforeAll(async () => {
    store = await openTestStore(dialect, "declass_due");
    await archiveCables(store, cables());
  });
  afterAll(() => store.close());

  it("lists 09STATE39345 as overdue since 2019-04-16, oldest review date first, with its reason", async () => {
    const list = await dueList(deps(), archivist, SYSTEM_READER);
    expect(list).toMatchObject({ today: "2026-12-06", before: "2026-12-07", due: 4, overdue: 4, listed: 4 });
    expect(list.cables.map((c) => [c.id, c.reviewOn, c.status])).toEqual([
      ["90BAGHDAD4237", "2015-12-31", "overdue"],
      ["08PARIS1", "2018-03-01", "overdue"],
      ["09STATE39345", "2019-04-16", "overdue"],
      ["10STATE2", "2020-01-05", "overdue"],
    ]);
    expect(list.cables[2]).toMatchObject({ basis: "date", subject: "SUPPORTING KOSOVO IN INTERNATIONAL BODIES" });
    expect(list.cables[0]!.reason).toContain("25-year rule");
  });

  it("counts by origin and by classification, and narrows the list to one of them", async () => {
    const list = await dueList(deps(), archivist, SYSTEM_READER, { before: "2031-01-01" });
    expect(list).toMatchObject({ due: 5, overdue: 4 });
    expect(list.byOrigin).toEqual([
      { value: "PARIS", due: 2, overdue: 1 },
      { value: "STATE", due: 2, overdue: 2 },
      { value: "BAGHDAD", due: 1, overdue: 1 },
    ]);
    expect(list.byClassification).toEqual([
      { value: "CONFIDENTIAL", due: 4, overdue: 3 },
      { value: "SECRET", due: 1, overdue: 1 },
    ]);
    const paris = await dueList(deps(), archivist, SYSTEM_READER, { before: "2031-01-01", origin: "paris" });
    expect(paris.listed).toBe(2);
    expect(paris.cables.map((c) => [c.id, c.status])).toEqual([
      ["08PARIS1", "overdue"],
      ["10PARIS2", "scheduled"],
    ]);
  });

  it("never counts or lists a cable the reader may not read", async () => {
    const cleared = buildReader({ clearance: "SECRET" });
    const list = await dueList(deps(), archivist, cleared);
    expect(list.cables.map((c) => c.id)).not.toContain("10STATE2");
    expect(list.due).toBe(3);
    const confidentialOnly = await dueList(deps(), archivist, buildReader({ clearance: "CONFIDENTIAL" }));
    expect(confidentialOnly.byClassification.map((c) => c.value)).toEqual(["CONFIDENTIAL"]);
    expect(confidentialOnly.byOrigin.map((c) => c.value)).not.toContain("BAGHDAD");
  });

  it("is refused to users without a schedule role, and bad dates are named", async () => {
    expect(await rejectionOf(dueList(deps(), drafter, SYSTEM_READER))).toMatchObject({ code: "FORBIDDEN" });
    expect(await rejectionOf(dueList(deps(), archivist, SYSTEM_READER, { before: "2020-13-01" }))).toMatchObject({
      code: "INVALID_INPUT",
    });
  });

  it("schedules the cables of an archive archived before the schedule existed", async () => {
    await sql`DELETE FROM cable_declass WHERE seq IN (SELECT seq FROM cables WHERE id LIKE '%STATE%')`.execute(
      store.db,
    );
    const progress: number[] = [];
    expect(await scheduleArchivedCables(store, (done) => progress.push(done))).toBe(3);
    expect(progress).toEqual([3]);
    expect(await scheduleArchivedCables(store)).toBe(0);
    expect((await dueList(deps(), archivist, SYSTEM_READER)).due).toBe(4);
  });

  it("proposes release in full only for due cables whose portions are all U or SBU, changing nothing", async () => {
    const run = await proposeReleases(deps(), SYSTEM_ACTING, SYSTEM_READER);
    expect(run.examined).toBe(4);
    expect(run.proposals).toEqual([
      expect.objectContaining({
        id: "08PARIS1",
        proposal: "release-in-full",
        portions: ["U", "SBU"],
        reviewOn: "2018-03-01",
      }),
    ]);
    expect((await dueList(deps(), archivist, SYSTEM_READER)).due).toBe(4);
    expect(await rejectionOf(proposeReleases(deps(), drafter, SYSTEM_READER))).toMatchObject({ code: "FORBIDDEN" });
  });

  describe("decl: filters in the search language", () => {
    const now = clock.now();
    const ids = async (q: string, reader = SYSTEM_READER) =>
      (await searchCables(store, reader, { q, now, sort: "date", limit: 50 })).results.map((r) => r.id).sort();

    it("finds the cables due by today, alone or with words and other filters", async () => {
      expect(await ids("decl:due")).toEqual(["08PARIS1", "09STATE39345", "10STATE2", "90BAGHDAD4237"]);
      expect(await ids("kosovo decl:due")).toEqual(["09STATE39345", "10STATE2"]);
      expect(await ids("decl:due origin:PARIS")).toEqual(["08PARIS1"]);
      expect(await ids("-decl:due")).toEqual(["08STATE16245", "10PARIS2"]);
    });

    it("finds review dates in a year, a month, a day, or before and after a date", async () => {
      expect(await ids("decl:2019")).toEqual(["09STATE39345"]);
      expect(await ids("decl:2019-04-16")).toEqual(["09STATE39345"]);
      expect(await ids("decl:<2019-04-16")).toEqual(["08PARIS1", "90BAGHDAD4237"]);
      expect(await ids("decl:<=2019-04-16")).toEqual(["08PARIS1", "09STATE39345", "90BAGHDAD4237"]);
      expect(await ids("decl:>2020")).toEqual(["10PARIS2"]);
      expect(await ids("decl:>=2020-01")).toEqual(["10PARIS2", "10STATE2"]);
    });

    it("finds cables by the reason of their date, and those never due", async () => {
      expect(await ids("decl:oadr")).toEqual(["90BAGHDAD4237"]);
      expect(await ids("decl:none")).toEqual(["08STATE16245"]);
    });

    it("counts only what the reader may read", async () => {
      const result = await searchCables(store, buildReader({ clearance: "CONFIDENTIAL" }), { q: "decl:due", now });
      expect(result.results.map((r) => r.id).sort()).toEqual(["08PARIS1", "09STATE39345"]);
      expect(result.total).toBe(2);
      expect(result.facets.classification).toEqual([{ value: "CONFIDENTIAL", count: 2 }]);
    });

    it("says what a decl: value may be", async () => {
      expect(await rejectionOf(searchCables(store, SYSTEM_READER, { q: "decl:soon" }))).toMatchObject({
        code: "BAD_QUERY",
        message: expect.stringContaining("decl: needs due, none, a date"),
      });
    });
  });
});
