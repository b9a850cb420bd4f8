// Blocs and their dated membership: half-open intervals [from, to) at the edges the issue names, the Security
// Council's composition year by year, and validation that makes a malformed row fail at import.
import { describe, expect, it } from "vitest";
import { blocByCode, blocMembers, BLOCS, parseBlocs } from "../src/core/index.ts";

describe("membership edges", () => {
  it("has 26 NATO members on 2009-03-31 and 28 on 2009-04-01, Albania and Croatia joining", () => {
    expect(blocMembers("NATO", "2009-03-31")).toHaveLength(26);
    const after = blocMembers("NATO", "2009-04-01");
    expect(after).toHaveLength(28);
    expect(after).toEqual(expect.arrayContaining(["AL", "HR"]));
  });

  it.each([
    ["ME", "2017-06-05"],
    ["MK", "2020-03-27"],
    ["FI", "2023-04-04"],
    ["SE", "2024-03-07"],
  ])("counts %s in NATO from %s, not the day before", (country, day) => {
    const before = new Date(Date.parse(day) - 86_400_000).toISOString().slice(0, 10);
    expect(blocMembers("NATO", before)).not.toContain(country);
    expect(blocMembers("NATO", day)).toContain(country);
  });

  it("has the UK in the EU on 2020-01-30 and not on 2020-01-31", () => {
    expect(blocMembers("EU", "2020-01-30")).toContain("GB");
    expect(blocMembers("EU", "2020-01-31")).not.toContain("GB");
    expect(blocMembers("EU", "2020-01-31")).toHaveLength(27);
  });

  it("counts the EU's founding and pre-1995 members, and every enlargement since", () => {
    expect(blocMembers("EU", "1994-12-31")).toHaveLength(12);
    expect(blocMembers("EU", "1995-01-01")).toHaveLength(15);
    expect(blocMembers("EU", "2004-05-01")).toHaveLength(25);
    expect(blocMembers("EU", "2007-01-01")).toHaveLength(27);
    expect(blocMembers("EU", "2013-07-01")).toHaveLength(28);
  });

  it("admits South Sudan to the UN on 2011-07-14 and Montenegro on 2006-06-28, Serbia continuing throughout", () => {
    expect(blocMembers("UN", "2011-07-13")).not.toContain("SS");
    expect(blocMembers("UN", "2011-07-14")).toContain("SS");
    expect(blocMembers("UN", "2006-06-27")).not.toContain("ME");
    expect(blocMembers("UN", "2006-06-28")).toContain("ME");
    expect(blocMembers("UN", "2006-06-27")).toContain("RS");
    expect(blocMembers("UN", "2009-04-07")).toHaveLength(192);
    expect(blocMembers("UN", "2026-01-01")).toHaveLength(193);
  });

  it("has Russia in the G8 until the suspension of 2014-03-24, and seven in the G7", () => {
    expect(blocMembers("G8", "2014-03-23")).toContain("RU");
    expect(blocMembers("G8", "2014-03-24")).toEqual([]);
    expect(blocMembers("G7", "2009-04-07")).toEqual(["CA", "DE", "FR", "GB", "IT", "JP", "US"]);
  });

  it("expels Russia from the Council of Europe on 2022-03-16, leaving 46 members", () => {
    expect(blocMembers("COE", "2022-03-15")).toContain("RU");
    expect(blocMembers("COE", "2022-03-16")).not.toContain("RU");
    expect(blocMembers("COE", "2022-03-16")).toHaveLength(46);
  });

  it.each([
    ["OSCE", 57],
    ["OAS", 34],
    ["AU", 55],
    ["ASEAN", 11],
    ["GCC", 6],
    ["ARAB_LEAGUE", 22],
  ])("counts %s's members today as %i", (code, count) => {
    expect(blocMembers(code, "2026-12-01")).toHaveLength(count);
  });
});

describe("the UN Security Council", () => {
  it("has the five permanent members and ten elected ones in every year from 2000 to 2026", () => {
    for (let year = 2000; year <= 2026; year++) {
      for (const day of [`${year}-01-01`, `${year}-07-01`, `${year}-12-31`]) {
        const members = blocMembers("UNSC", day);
        expect(members, day).toHaveLength(15);
        expect(members, day).toEqual(expect.arrayContaining(["CN", "FR", "GB", "RU", "US"]));
      }
    }
  });

  it("seats Croatia and Libya for 2008-2009 and not in 2010", () => {
    expect(blocMembers("UNSC", "2009-04-07")).toEqual(expect.arrayContaining(["HR", "LY", "VN", "BF", "CR"]));
    expect(blocMembers("UNSC", "2010-01-01")).not.toContain("HR");
  });
});

describe("bloc data", () => {
  it("names a source, a name and a kind for every bloc and every membership", () => {
    for (const bloc of BLOCS) {
      expect(bloc.name).not.toBe("");
      expect(bloc.kind).not.toBe("");
      for (const m of bloc.memberships) expect(m.source.trim(), `${bloc.code} ${m.iso2}`).not.toBe("");
    }
  });

  const valid = { code: "GCC", name: "Gulf", kind: "regional", source: "https://example.org" };

  it.each([
    ["an unknown country", [[["ZZ"], "1981-05-25", null]], /BLOC_DATA_INVALID: bloc GCC, at memberships.0.0.0/],
    ["a lower-case country", [[["sa"], "1981-05-25", null]], /not an upper-case ISO/],
    ["a malformed date", [[["SA"], "1981-5-25", null]], /a date is YYYY-MM-DD/],
    ["an interval ending before it starts", [[["SA"], "1990-01-01", "1980-01-01"]], /from must be before to/],
    ["an empty source", [[["SA"], "1981-05-25", null, " "]], /every membership names its source/],
    [
      "overlapping intervals",
      [
        [["SA"], "1981-05-25", null],
        [["SA"], "1990-01-01", null],
      ],
      /SA's membership intervals overlap/,
    ],
  ])("rejects %s, saying where", (_, memberships, message) => {
    expect(() => parseBlocs([{ ...valid, memberships } as never])).toThrow(message);
  });

  it("refuses an unknown bloc code, listing the known ones", () => {
    expect(() => blocMembers("WARSAW", "1980-01-01")).toThrow(/BLOC_NOT_FOUND: no bloc WARSAW; known: UN, UNSC/);
    expect(blocByCode("NATO").name).toBe("North Atlantic Treaty Organization");
  });
});
