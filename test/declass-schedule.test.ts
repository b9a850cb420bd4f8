// The declassification schedule's rules: each cable's review date and reason from its E.O. line, date and
// classification, in every form the corpora write the line (`npm run bench:declass-due` counts the corpora's).
import { describe, expect, it } from "vitest";
import {
  declassSchedule,
  dueStatus,
  executiveOrderTextIn,
  maySeeSchedule,
  portionsAllUnclassified,
  readDeclInstruction,
  scheduleOfCable,
  statedDate,
  type ScheduleInput,
} from "../src/core/index.ts";
import { parseSearchQuery } from "../src/core/search-language.ts";
import { seed } from "./helpers/archive-fixtures.ts";

const confidential = (text: string | null, dtg = "2009-04-21T13:43:00Z"): ScheduleInput => ({
  classification: "CONFIDENTIAL",
  dtg,
  year: Number(dtg.slice(0, 4)),
  eo: text === null ? null : { order: "12958", decl: null, text },
});

describe("declassification review dates", () => {
  it("puts 09STATE39345 due on 2019-04-16, the date its E.O. line states", () => {
    const { cable, raw } = seed("09STATE39345");
    const schedule = scheduleOfCable(cable, raw);
    expect(schedule).toMatchObject({ reviewOn: "2019-04-16", basis: "date", source: "line" });
    expect(schedule.reason).toContain("DECL: 04/16/2019");
    expect(dueStatus(schedule.reviewOn, "2026-12-06")).toBe("overdue");
  });

  it("never schedules an unclassified cable, N/A or not", () => {
    const { cable, raw } = seed("08STATE16245");
    expect(scheduleOfCable(cable, raw)).toMatchObject({ reviewOn: null, basis: "unclassified", source: "none" });
    const lou = declassSchedule({ ...confidential("DECL: 04/16/2019"), classification: "LIMITED OFFICIAL USE" });
    expect(lou.reviewOn).toBeNull();
  });

  it.each([
    ["DECL: 04/16/2019", "2019-04-16"],
    ["DECL: 4/6/2019", "2019-04-06"],
    ["DECL: 04/16/19", "2019-04-16"],
    ["DECL: 2019/04/16", "2019-04-16"],
    ["DECL: 2019-04-16", "2019-04-16"],
    ["DECL: 04-16-19", "2019-04-16"],
    ["DECL: 011/2/2019", "2019-11-02"],
    ["DECL: 16/04/2019", "2019-04-16"],
    ["DECL: 08 OCTOBER 2019", "2019-10-08"],
    ["AS AMENDED; DECLASSIFIED JUNE 21, 2006", "2006-06-21"],
    ["DECL: 12/10/2019TAGS: PREL PGOV", "2019-12-10"],
    ["Declassify on 9/12/2019", "2019-09-12"],
    ["DECL ON: 01/02/2020", "2020-01-02"],
    ["1.4 (B) 1.4(D) DECLASSIFY 12/12/2019", "2019-12-12"],
    ["GDS 8/12/85 (TOMSETH, VICTOR L.) OR-P", "1985-08-12"],
  ])("reads the stated date of %j", (text, date) => {
    expect(declassSchedule(confidential(text))).toMatchObject({ reviewOn: date, source: "line" });
  });

  it("applies the 25-year rule, 31 December 25 years on, to OADR, MR, events and exemptions without a date", () => {
    for (const [text, basis] of [
      ["DECL: OADR", "oadr"],
      ["DECL:OADR", "oadr"],
      ["DECL: MR", "manual-review"],
      ["DECL: CLOSURE OF ICTY", "event"],
      ["DECL: TEN YEARS AFTER KOREAN UNIFICATION", "event"],
      ["DECL: 25X1-HUMAN", "exemption"],
      ["DECL: 25X1- HUMAN", "exemption"],
      ["DECL: (X1)", "exemption"],
    ] as const) {
      expect(declassSchedule(confidential(text)), text).toMatchObject({
        reviewOn: "2034-12-31",
        basis,
        source: "25-year",
      });
    }
    expect(declassSchedule(confidential("DECL: 25X1-HUMAN")).exemptions).toEqual(["25X1"]);
  });

  it("takes an exemption's stated date over the 25-year rule", () => {
    expect(declassSchedule(confidential("DECL: 25X6, 12/31/2040"))).toMatchObject({
      reviewOn: "2040-12-31",
      basis: "date",
      exemptions: ["25X6"],
    });
  });

  it("counts a period from the cable's date, and the General Declassification Schedule by level", () => {
    expect(declassSchedule(confidential("DECL: TEN YEARS", "2008-03-28T10:22:00Z")).reviewOn).toBe("2018-03-28");
    expect(declassSchedule(confidential("DECL: TWENTY YEARS", "2009-02-13T22:54:00Z")).reviewOn).toBe("2029-02-13");
    expect(declassSchedule(confidential("GDS", "1975-03-04T11:25:00Z")).reviewOn).toBe("1981-12-31");
    const secret = { ...confidential("GDS", "1975-03-04T11:25:00Z"), classification: "SECRET" as const };
    expect(declassSchedule(secret).reviewOn).toBe("1983-12-31");
  });

  it("reviews a downgrade when it falls due, as no declassification date is given", () => {
    expect(declassSchedule({ ...confidential("DNG: CO 01/26/2021"), classification: "SECRET" })).toMatchObject({
      reviewOn: "2021-01-26",
      basis: "downgrade",
    });
  });

  it("falls to the 25-year rule for a classified cable marked N/A, cut short, blacked out or with no line", () => {
    for (const text of ["N/A", "DECL: N/A", "DE...", "DECL...", "XXXXXXXXXXXXX", "DECL: (##)", "", null]) {
      expect(declassSchedule(confidential(text)), String(text)).toMatchObject({
        reviewOn: "2034-12-31",
        basis: "no-instruction",
        source: "25-year",
      });
    }
  });

  it("finds an E.O. line run into another line when the parser found none", () => {
    const text = "FOR THE DIRECTOR FROM THE AMBASSADORE.O. 12958: DECL: 11/28/2015 TAGS: PTER KCRM";
    expect(executiveOrderTextIn(text)).toBe("DECL: 11/28/2015");
    expect(executiveOrderTextIn("REASONS: E.O. 12958, 1.4(b)(d).")).toBeNull();
    expect(declassSchedule({ ...confidential(null), text }).reviewOn).toBe("2015-11-28");
  });

  it("gives no date to a classified cable of unknown date with no date of its own", () => {
    const schedule = declassSchedule({ classification: null, dtg: null, year: null, eo: null });
    expect(schedule).toMatchObject({ reviewOn: null, source: "none", basis: "no-instruction" });
  });

  it("reads instructions into their kinds", () => {
    expect(readDeclInstruction("DECL: TEN YEARS")).toEqual({ kind: "period", years: 10 });
    expect(readDeclInstruction("N/A \\")).toEqual({ kind: "not-applicable" });
    expect(readDeclInstruction("DECL: 50X1-HUM")).toEqual({ kind: "exemption", exemptions: ["50X1-HUM"] });
    expect(statedDate("DECL: 02/30/2019")).toBeNull();
  });
});

describe("who may see the schedule, and what may be proposed for release", () => {
  it("lets archivists and administrators see the schedule, nobody else", () => {
    expect(maySeeSchedule({ roles: ["archivist"] })).toBe(true);
    expect(maySeeSchedule({ roles: ["admin"] })).toBe(true);
    expect(maySeeSchedule({ roles: ["reader", "drafter", "approver", "communicator"] })).toBe(false);
  });

  it("proposes only cables whose every portion is marked U or SBU", () => {
    const p = (marking: string | null, number: number | null = 1) => ({ number, marking, text: "x" });
    expect(portionsAllUnclassified({ paragraphs: [p("U"), p("SBU", 2), p(null, null)] })).toBe(true);
    expect(portionsAllUnclassified({ paragraphs: [p("U"), p("C", 2)] })).toBe(false);
    expect(portionsAllUnclassified({ paragraphs: [p("U"), p(null, 2)] })).toBe(false);
    expect(portionsAllUnclassified({ paragraphs: [] })).toBe(false);
  });
});

describe("decl: in the search language", () => {
  const decl = (q: string) => {
    const parsed = parseSearchQuery(q);
    return "code" in parsed ? parsed : parsed.filters.map((f) => ("decl" in f ? [f.negated, f.decl] : null));
  };

  it("reads due, none, reasons, periods and comparisons into filters", () => {
    expect(decl("decl:due -decl:none decl:OADR")).toEqual([
      [false, { kind: "due" }],
      [true, { kind: "none" }],
      [false, { kind: "basis", basis: "oadr" }],
    ]);
    expect(decl("decl:2019")).toEqual([[false, { kind: "range", from: "2019-01-01", to: "2020-01-01" }]]);
    expect(decl("decl:2019-04")).toEqual([[false, { kind: "range", from: "2019-04-01", to: "2019-05-01" }]]);
    expect(decl("decl:<2020-01-01")).toEqual([[false, { kind: "range", from: null, to: "2020-01-01" }]]);
    expect(decl("decl:<=2019")).toEqual([[false, { kind: "range", from: null, to: "2020-01-01" }]]);
    expect(decl("decl:>2030")).toEqual([[false, { kind: "range", from: "2031-01-01", to: null }]]);
    expect(decl("decl:>=2030-06")).toEqual([[false, { kind: "range", from: "2030-06-01", to: null }]]);
  });

  it("says where a decl: value goes wrong", () => {
    expect(decl("kosovo decl:2019-02-30")).toMatchObject({ code: "BAD_QUERY", position: 12 });
    expect(decl("decl:soon")).toMatchObject({ code: "BAD_QUERY", message: expect.stringContaining("decl: needs due") });
  });
});
