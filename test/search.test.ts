// Searching the archive: each part of the query language, facets, both sorts, cursors and snippets, per dialect.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodyOfParagraphs, type Cable } from "../src/core/index.ts";
import { SYSTEM_READER } from "../src/services/access/index.ts";
import { archiveCables } from "../src/services/archive/index.ts";
import { searchCables, type SearchOptions } from "../src/services/search/index.ts";
import type { Store } from "../src/store/open-store.ts";
import { addressee, variantOf, seed } from "./helpers/archive-fixtures.ts";
import { DIALECTS, openTestStore } from "./helpers/test-stores.ts";

const PAGED = 40;

/** A cable whose body is the given paragraphs of text. */
function textCable(base: Cable, patch: Partial<Cable> & { id: string }, texts: string[]): Cable {
  const paragraphs = texts.map((text, i) => ({ number: i + 1, marking: null, text }));
  return variantOf(base, { paragraphs, body: bodyOfParagraphs(paragraphs), references: [], ...patch });
}

/** The seeds, four cables made to tell the operators apart, and PAGED near-identical cables for paging. */
function fixtures(): Cable[] {
  const a = seed("08STATE16245").cable;
  const b = seed("09STATE39345").cable;
  const paris = textCable(
    a,
    {
      id: "09PARIS100",
      origin: "PARIS",
      subject: "FRENCH VIEWS ON KOSOVO RECOGNITION",
      dtg: "2009-06-01T09:00:00Z",
      classification: "SECRET",
      precedence: "ROUTINE",
      caveats: [],
      tags: ["PREL", "FR"],
      to: [{ ...addressee("SECSTATE WASHDC"), route: "RUEHC" }],
      info: [],
      references: [{ label: null, id: "09STATE39345", text: "STATE 39345" }],
    },
    ["The French government <b>supports</b> Kosovo & its recognition by the EU.", "Paris recognizes the need."],
  );
  const moscow = textCable(
    a,
    {
      id: "07MOSCOW200",
      origin: "MOSCOW",
      subject: "RUSSIA ON KOSOVO STATUS",
      dtg: "2007-11-01T08:00:00Z",
      classification: "CONFIDENTIAL",
      precedence: "PRIORITY",
      caveats: [],
      tags: ["PREL", "RS", "OVIP (CLINTON, HILLARY)"],
      to: [addressee("SECSTATE WASHDC")],
      info: [],
    },
    ["Russia opposes Kosovo independence in the Security Council.", "A veto threat remains."],
  );
  const belgrade = textCable(
    a,
    {
      id: "10BELGRADE300",
      origin: "BELGRADE",
      subject: "TRADE FIGURES",
      dtg: "2010-01-15T12:00:00Z",
      classification: "UNCLASSIFIED",
      precedence: "IMMEDIATE",
      caveats: [],
      tags: ["ECON", "SR"],
      to: [addressee("SECSTATE WASHDC")],
      info: [],
    },
    ["The security of the council building was reviewed.", "Exports rose."],
  );
  const undated = textCable(
    a,
    {
      id: "06LONDON400",
      origin: "LONDON",
      subject: "UNDATED RECORD",
      dtg: null,
      classification: "UNCLASSIFIED",
      precedence: null,
      caveats: [],
      tags: ["PREL", "UK"],
      to: [],
      info: [],
    },
    ["An undated record about the council."],
  );
  const paged = Array.from({ length: PAGED }, (_, i) =>
    textCable(
      a,
      {
        id: `01TESTPOST${i + 1}`,
        origin: "TESTPOST",
        subject: `PAGING ${i + 1}`,
        // Pairs of cables share a date, so the order must break ties.
        dtg: `2001-01-${String(1 + Math.floor(i / 2)).padStart(2, "0")}T00:00:00Z`,
        classification: "UNCLASSIFIED",
        precedence: "ROUTINE",
        caveats: [],
        tags: ["ZZPG"],
        to: [],
        info: [],
      },
      // The same length for all, so that relevance depends on the mentions alone.
      [`alphaomega ${"filler ".repeat(4 - (i % 5))}${"alphaomega ".repeat(i % 5)}end.`],
    ),
  );
  return [a, b, paris, moscow, belgrade, undated, ...paged];
}

describe.each(DIALECTS)("%s: cable search", (dialect) => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore(dialect, "cg_search");
    await archiveCables(
      store,
      fixtures().map((cable) => ({ cable, raw: null })),
    );
  });
  afterAll(async () => {
    await store.close();
  });

  const search = (q: string, options: Partial<SearchOptions> = {}) =>
    searchCables(store, SYSTEM_READER, { q, limit: 100, ...options });
  const ids = async (q: string, options: Partial<SearchOptions> = {}) =>
    (await search(q, options)).results.map((r) => r.id).sort();

  it("finds cables holding every word, in subject or text, in any case", async () => {
    expect(await ids("kosovo")).toEqual(["07MOSCOW200", "08STATE16245", "09PARIS100", "09STATE39345"]);
    expect(await ids("KOSOVO french")).toEqual(["09PARIS100"]);
    expect(await ids("kosovo nonexistentword")).toEqual([]);
  });

  it("matches a word prefix with *", async () => {
    expect(await ids("recogni* -tag:ZZPG")).toEqual(["08STATE16245", "09PARIS100", "09STATE39345"]);
    expect(await ids('"recognizes"')).toEqual(["09PARIS100"]);
  });

  it("matches a phrase only where its words are adjacent and in order", async () => {
    expect(await ids("security council")).toEqual(["07MOSCOW200", "08STATE16245", "09STATE39345", "10BELGRADE300"]);
    expect(await ids('"security council"')).toEqual(["07MOSCOW200", "08STATE16245", "09STATE39345"]);
    expect(await ids('"council security"')).toEqual([]);
    expect(await ids('"opposes kosovo independence"')).toEqual(["07MOSCOW200"]);
    expect(await ids('"kosovo independence opposes"')).toEqual([]);
    // A hyphenated word is a phrase of its parts; a final * makes its last word a prefix.
    expect(await ids("security-counc*")).toEqual(["07MOSCOW200", "08STATE16245", "09STATE39345"]);
    // The subject and the body are apart: no phrase runs from the end of one into the other.
    expect(await ids("status russia")).toContain("07MOSCOW200");
    expect(await ids('"status russia"')).toEqual([]);
  });

  it("excludes words, phrases and filters marked with -", async () => {
    expect(await ids("kosovo -russia")).toEqual(["08STATE16245", "09PARIS100"]);
    expect(await ids('kosovo -"veto threat" -tag:FR')).toEqual(["08STATE16245", "09STATE39345"]);
    expect(await ids("-alphaomega -kosovo")).toEqual(["06LONDON400", "10BELGRADE300"]);
  });

  it("filters by tag, including person tags by code or in full", async () => {
    expect(await ids("tag:FR")).toEqual(["09PARIS100"]);
    expect(await ids("tag:ovip")).toEqual(["07MOSCOW200"]);
    expect(await ids('tag:"OVIP (CLINTON, HILLARY)"')).toEqual(["07MOSCOW200"]);
    expect(await ids("tag:PREL -tag:ZZPG -kosovo")).toEqual(["06LONDON400"]);
  });

  it("filters by origin, SECSTATE meaning STATE", async () => {
    expect(await ids("origin:MOSCOW")).toEqual(["07MOSCOW200"]);
    expect(await ids("origin:secstate")).toEqual(["08STATE16245", "09STATE39345"]);
  });

  it("filters by addressee: place, plain-language address, mission short name, STATE or routing indicator", async () => {
    expect(await ids("addressee:PARIS")).toEqual(["08STATE16245"]);
    expect(await ids('addressee:"AMEMBASSY OUAGADOUGOU"')).toEqual(["08STATE16245"]);
    expect(await ids("addressee:USUN")).toEqual(["08STATE16245", "09STATE39345"]);
    expect(await ids("addressee:RUEHFR")).toEqual(["08STATE16245", "09STATE39345"]);
    expect(await ids("addressee:STATE")).toEqual(["07MOSCOW200", "09PARIS100", "10BELGRADE300"]);
  });

  it("filters by the cables a cable's REF block cites", async () => {
    expect(await ids("ref:07STATE166909")).toEqual(["08STATE16245"]);
    expect(await ids("ref:09STATE039345")).toEqual(["09PARIS100"]);
  });

  it("filters by classification and precedence, NIACT meaning any NIACT addressee", async () => {
    expect(await ids("class:SECRET")).toEqual(["09PARIS100"]);
    expect(await ids("class:U -tag:ZZPG")).toEqual(["06LONDON400", "08STATE16245", "10BELGRADE300"]);
    expect(await ids("prec:IMMEDIATE")).toEqual(["08STATE16245", "10BELGRADE300"]);
    expect(await ids("prec:NIACT")).toEqual(["08STATE16245"]);
  });

  it("filters by date, whole days at both ends, leaving undated cables out", async () => {
    expect(await ids("from:2007 to:2008-02-16")).toEqual(["07MOSCOW200", "08STATE16245"]);
    expect(await ids("from:2009-06-01")).toEqual(["09PARIS100", "10BELGRADE300"]);
    expect(await ids("to:2008-02-15 -tag:ZZPG")).toEqual(["07MOSCOW200"]);
  });

  it("counts facets over the matches: tags, origin, classification and year", async () => {
    const result = await search("kosovo");
    expect(result.total).toBe(4);
    expect(result.totalIsLowerBound).toBe(false);
    expect(result.facetsAreExact).toBe(true);
    expect(result.facets.tags).toEqual([
      { value: "PREL", count: 4 },
      { value: "ECON", count: 1 },
      { value: "FR", count: 1 },
      { value: "KV", count: 1 },
      { value: "OVIP (CLINTON, HILLARY)", count: 1 },
      { value: "RS", count: 1 },
      { value: "UN", count: 1 },
      { value: "UNSC", count: 1 },
      { value: "YI", count: 1 },
    ]);
    expect(result.facets.origin).toEqual([
      { value: "STATE", count: 2 },
      { value: "MOSCOW", count: 1 },
      { value: "PARIS", count: 1 },
    ]);
    expect(result.facets.classification).toEqual([
      { value: "CONFIDENTIAL", count: 2 },
      { value: "SECRET", count: 1 },
      { value: "UNCLASSIFIED", count: 1 },
    ]);
    expect(result.facets.year).toEqual(
      [
        { value: "2007", count: 1 },
        { value: "2008", count: 1 },
        { value: "2009", count: 2 },
      ].sort((x, y) => y.count - x.count || x.value.localeCompare(y.value)),
    );
  });

  it("sorts by date newest first, undated last, and by relevance when there are words", async () => {
    const byDate = await search("council", { sort: "date" });
    expect(byDate.sort).toBe("date");
    expect(byDate.results.map((r) => r.id)).toEqual([
      "10BELGRADE300",
      "09STATE39345",
      "08STATE16245",
      "07MOSCOW200",
      "06LONDON400",
    ]);
    const noWords = await search("tag:PREL -tag:ZZPG", { sort: "relevance" });
    expect(noWords.sort).toBe("date");
    const byRelevance = await search("alphaomega");
    expect(byRelevance.sort).toBe("relevance");
    // Cable i says alphaomega 1 + i % 5 times in a text of the same length: most mentions first.
    const mentions = byRelevance.results.map((r) => (Number(r.id.replace("01TESTPOST", "")) - 1) % 5);
    expect(mentions.slice(0, 8).every((m) => m === 4)).toBe(true);
    expect(mentions.slice(-8).every((m) => m === 0)).toBe(true);
  });

  it.each(["relevance", "date"] as const)("pages by cursor in %s order without duplicates or gaps", async (sort) => {
    const whole = (await search("alphaomega", { sort })).results.map((r) => r.id);
    expect(whole).toHaveLength(PAGED);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await search("alphaomega", { sort, limit: 7, cursor });
      expect(page.total).toBe(PAGED);
      seen.push(...page.results.map((r) => r.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== null && pages < 20);
    expect(pages).toBe(Math.ceil(PAGED / 7));
    expect(seen).toEqual(whole);
  });

  it("refuses a cursor made for another query or order", async () => {
    const first = await search("alphaomega", { limit: 5 });
    await expect(search("alphaomega end", { cursor: first.nextCursor })).rejects.toMatchObject({
      code: "BAD_CURSOR",
    });
    await expect(search("alphaomega", { sort: "date", cursor: first.nextCursor })).rejects.toMatchObject({
      code: "BAD_CURSOR",
    });
    await expect(search("alphaomega", { cursor: "not-a-cursor" })).rejects.toMatchObject({ code: "BAD_CURSOR" });
  });

  it("highlights matches in HTML-escaped snippets", async () => {
    const [hit] = (await search("supports kosovo")).results;
    expect(hit?.snippet).toBe(
      "1. The French government &lt;b&gt;<mark>supports</mark>&lt;/b&gt; <mark>Kosovo</mark> &amp; its recognition by " +
        "the EU. 2. Paris recognizes the need.",
    );
    const [phrase] = (await search('"veto threat"')).results;
    expect(phrase?.snippet).toContain("A <mark>veto threat</mark> remains.");
    const [plain] = (await search("tag:FR")).results;
    expect(plain?.snippet.startsWith("1. The French government &lt;b&gt;supports")).toBe(true);
  });

  it("cuts long texts to a window around the first match", async () => {
    const [hit] = (await search("exports")).results;
    expect(hit?.snippet).toBe("1. The security of the council building was reviewed. 2. <mark>Exports</mark> rose.");
    const [long] = (await search("ahtisaari")).results;
    expect(long?.snippet.length).toBeLessThan(400);
    expect(long?.snippet).toMatch(/^….*<mark>Ahtisaari<\/mark>.*…$/);
  });

  it("throws BAD_QUERY with the position of the fault", async () => {
    await expect(search('kosovo "security')).rejects.toMatchObject({
      code: "BAD_QUERY",
      status: 400,
      details: { position: 7 },
    });
  });
});

describe.each(DIALECTS)("%s: search past 10,000 matches", (dialect) => {
  const COUNT = 10_050;
  /** A reader who may read the UNCLASSIFIED half only. */
  const clerk = {
    userId: "clerk",
    clearance: "UNCLASSIFIED" as const,
    accesses: [],
    lists: [],
    offices: [],
    post: null,
  };
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore(dialect, "cg_search_cap");
    const base = seed("08STATE16245").cable;
    const cables = Array.from({ length: COUNT }, (_, i) =>
      textCable(
        base,
        {
          id: `02CAPPOST${i + 1}`,
          origin: "CAPPOST",
          dtg: new Date(Date.UTC(2002, 0, 1) + i * 60_000).toISOString().replace(".000", ""),
          classification: i % 2 === 0 ? "UNCLASSIFIED" : "SECRET",
          tags: ["PREL"],
          to: [],
          info: [],
        },
        [`zeta ${i % 3 === 0 ? "zeta " : ""}common text`],
      ),
    );
    for (let i = 0; i < COUNT; i += 1000) {
      await archiveCables(
        store,
        cables.slice(i, i + 1000).map((cable) => ({ cable, raw: null })),
      );
    }
  });
  afterAll(async () => {
    await store.close();
  });

  it("reports the total as a lower bound and the facets as a sample, and still pages in either order", async () => {
    for (const sort of ["relevance", "date"] as const) {
      const first = await searchCables(store, SYSTEM_READER, { q: "zeta", sort, limit: 50 });
      expect(first.total).toBe(10_000);
      expect(first.totalIsLowerBound).toBe(true);
      expect(first.facetsAreExact).toBe(false);
      expect(first.facets.tags[0]?.value).toBe("PREL");
      const second = await searchCables(store, SYSTEM_READER, {
        q: "zeta",
        sort,
        limit: 50,
        cursor: first.nextCursor,
      });
      const ids = [...first.results, ...second.results].map((r) => r.id);
      expect(new Set(ids).size).toBe(100);
      if (sort === "date") {
        expect(ids.slice(0, 3)).toEqual([`02CAPPOST${COUNT}`, `02CAPPOST${COUNT - 1}`, `02CAPPOST${COUNT - 2}`]);
      }
    }
  });

  it("ranks every match by relevance up to 1,000 readable matches, and the newest 1,000 by subject past that", async () => {
    // Cable i was sent i minutes into 2002: 1,440 on the first day, half of them UNCLASSIFIED; every third
    // mentions zeta twice. The clerk reads 720 of that day's matches, so all are ranked, and a double mention comes
    // first although the newest readable (i = 1438) has one. The system reads 1,440: the newest 1,000 are taken,
    // and as no subject holds the word, newest first.
    const q = "zeta from:2002-01-01 to:2002-01-01";
    const ranked = await searchCables(store, clerk, { q, limit: 5 });
    expect([ranked.total, ranked.sort]).toEqual([720, "relevance"]);
    const serials = ranked.results.map((r) => Number(r.id.replace("02CAPPOST", "")) - 1);
    expect(serials.every((i) => i % 6 === 0)).toBe(true);
    const newest = await searchCables(store, SYSTEM_READER, { q, limit: 5 });
    expect(newest.total).toBe(1_440);
    expect(newest.results.map((r) => r.id)).toEqual([1440, 1439, 1438, 1437, 1436].map((n) => `02CAPPOST${n}`));
  });

  it("counts only what the reader may read, exactly when that is under the cap", async () => {
    const result = await searchCables(store, clerk, { q: "zeta", sort: "date", limit: 5 });
    expect(result.total).toBe(COUNT / 2);
    expect(result.totalIsLowerBound).toBe(false);
    expect(result.facets.classification).toEqual([{ value: "UNCLASSIFIED", count: 2_000 }]);
    expect(result.results.every((r) => r.classification === "UNCLASSIFIED")).toBe(true);
  });
});
