// Searching an archive spread over decades: the newest matches, totals and pages come out the same whichever years
// hold them (PostgreSQL takes matches a year's bucket at a time, newest first), for readers of every kind.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cable } from "../src/core/index.ts";
import { SYSTEM_READER, type Reader } from "../src/services/access/index.ts";
import { archiveCables } from "../src/services/archive/index.ts";
import { searchCables, type SearchOptions } from "../src/services/search/index.ts";
import type { Store } from "../src/store/open-store.ts";
import { buildCable } from "./helpers/factories.ts";
import { DIALECTS, openTestStore } from "./helpers/test-stores.ts";

const CLERK: Reader = { userId: "clerk", clearance: "UNCLASSIFIED", accesses: [], lists: [], offices: [], post: null };
const OFFICER: Reader = {
  userId: "officer",
  clearance: "SECRET",
  accesses: ["NOFORN"],
  lists: [],
  offices: [],
  post: null,
};
const CLASSES = ["UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "TOP SECRET"] as const;
const RANK: Record<string, number> = { UNCLASSIFIED: 0, CONFIDENTIAL: 2, SECRET: 3, "TOP SECRET": 4 };

/** A cable of station YEARPOST with one paragraph of `text`. */
function yearCable(patch: Partial<Cable> & { id: string }, text: string): Cable {
  const paragraphs = [{ number: 1, marking: null, text }];
  const plain: Partial<Cable> = {
    origin: "YEARPOST",
    caveats: [],
    precedence: "ROUTINE",
    tags: ["PREL"],
    to: [],
    info: [],
  };
  return buildCable({ ...plain, paragraphs, ...patch });
}

/** Cables from 1966 to 2010, unevenly: none in some years, one in others, a dozen in a few; one undated. */
function fixtures(): Cable[] {
  const cables: Cable[] = [];
  let n = 0;
  for (let year = 1966; year <= 2010; year++) {
    const count = year % 7 === 0 ? 0 : year % 5 === 0 ? 12 : year >= 2008 ? 1 : (year % 3) + 1;
    for (let i = 0; i < count; i++) {
      n++;
      const month = String(1 + (i % 12)).padStart(2, "0");
      const patch: Partial<Cable> & { id: string } = {
        id: `${String(year % 100).padStart(2, "0")}YEARPOST${n}`,
        subject: n % 9 === 0 ? "OMNIBUS SUBJECT" : `REPORT ${n}`,
        dtg: `${year}-${month}-0${1 + (i % 9)}T10:${String(i).padStart(2, "0")}:00Z`,
        classification: CLASSES[n % 4]!,
        // Not on the subject matches (every ninth, some UNCLASSIFIED): the clerk must have some to rank.
        caveats: n % 6 === 1 ? ["NOFORN"] : [],
      };
      cables.push(yearCable(patch, `omnibus report ${n % 2 === 0 ? "rarer " : ""}${"omnibus ".repeat(n % 4)}end`));
    }
  }
  const undated: Partial<Cable> & { id: string } = {
    id: "06YEARPOST9999",
    subject: "UNDATED",
    dtg: null,
    classification: "UNCLASSIFIED",
  };
  cables.push(yearCable(undated, "omnibus undated end"));
  return cables;
}

/** What `reader` should find for a word, newest first and undated last, by the fixtures alone. */
function expected(cables: Cable[], reader: Reader, word: string, from = "", to = "9999"): string[] {
  const readable = (c: Cable) =>
    reader === SYSTEM_READER ||
    (RANK[c.classification ?? ""]! <= RANK[reader.clearance]! && c.caveats.every((k) => reader.accesses.includes(k)));
  return cables
    .filter((c) => readable(c) && c.body.split(" ").includes(word))
    .filter((c) => (from === "" && to === "9999") || (c.dtg !== null && c.dtg >= from && c.dtg < to))
    .sort((a, b) => (b.dtg ?? "").localeCompare(a.dtg ?? ""))
    .map((c) => c.id!);
}

describe.each(DIALECTS)("%s: search across years", (dialect) => {
  let store: Store;
  const cables = fixtures();
  beforeAll(async () => {
    store = await openTestStore(dialect, "cg_search_years");
    await archiveCables(
      store,
      cables.map((cable) => ({ cable, raw: null })),
    );
  });
  afterAll(async () => {
    await store.close();
  });

  /** Every result of a search, a page of `limit` at a time. */
  async function allPages(reader: Reader, options: SearchOptions): Promise<{ ids: string[]; total: number }> {
    const ids: string[] = [];
    let cursor: string | null = null;
    let total = -1;
    do {
      const page = await searchCables(store, reader, { ...options, cursor });
      total = page.total;
      ids.push(...page.results.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    return { ids, total };
  }

  for (const [name, reader] of [
    ["the system", SYSTEM_READER],
    ["a clerk holding nothing", CLERK],
    ["an officer holding an access", OFFICER],
  ] as const) {
    it(`lists ${name} the newest matches first, page after page, however the years hold them`, async () => {
      for (const word of ["omnibus", "rarer"]) {
        const want = expected(cables, reader, word);
        for (const limit of [1, 3, 7, 50]) {
          const got = await allPages(reader, { q: word, sort: "date", limit });
          expect(got.ids).toEqual(want);
          expect(got.total).toBe(want.length);
        }
      }
    });

    it(`ranks for ${name} every match once, subject matches first`, async () => {
      const want = expected(cables, reader, "omnibus");
      const got = await allPages(reader, { q: "omnibus", sort: "relevance", limit: 6 });
      expect([...got.ids].sort()).toEqual([...want].sort());
      const first = await searchCables(store, reader, { q: "omnibus", limit: 1 });
      const inSubject = cables.filter((c) => c.subject === "OMNIBUS SUBJECT").map((c) => c.id);
      expect(want.filter((id) => inSubject.includes(id))).not.toEqual([]);
      expect(inSubject).toContain(first.results[0]?.id);
    });

    it(`keeps ${name}'s date ranges to their years`, async () => {
      const want = expected(cables, reader, "omnibus", "1990-01-01", "2000-01-01");
      const got = await allPages(reader, { q: "omnibus from:1990 to:1999", sort: "date", limit: 4 });
      expect(got.ids).toEqual(want);
      expect(got.total).toBe(want.length);
    });
  }
});
