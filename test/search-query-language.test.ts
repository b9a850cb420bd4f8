// The search query language: what each part means, and where a bad query goes wrong.
import { describe, expect, it } from "vitest";
import { parseSearchQuery, SEARCH_FIELDS, SEARCH_HELP, type SearchQuery } from "../src/services/search/index.ts";

function parsed(q: string): SearchQuery {
  const result = parseSearchQuery(q);
  if ("code" in result) throw new Error(`unexpected error for ${q}: ${result.message}`);
  return result;
}

describe("search query language", () => {
  it("reads words, prefixes, phrases and exclusions, with their positions", () => {
    expect(parsed('kosovo recogn* "security council" -serbia -"veto threat"').terms).toEqual([
      { kind: "word", text: "kosovo", prefix: false, negated: false, position: 0 },
      { kind: "word", text: "recogn", prefix: true, negated: false, position: 7 },
      { kind: "phrase", text: "security council", prefix: false, negated: false, position: 15 },
      { kind: "word", text: "serbia", prefix: false, negated: true, position: 34 },
      { kind: "phrase", text: "veto threat", prefix: false, negated: true, position: 42 },
    ]);
  });

  it("reads every field, normalising classification, precedence and reference values", () => {
    const q = parsed(
      'tag:prel origin:State addressee:"usun new york" ref:07STATE0166909 class:C prec:O -class:"top secret" prec:niact',
    );
    expect(q.filters.map((f) => [f.field, f.value, f.negated])).toEqual([
      ["tag", "PREL", false],
      ["origin", "STATE", false],
      ["addressee", "USUN NEW YORK", false],
      ["ref", "07STATE166909", false],
      ["class", "CONFIDENTIAL", false],
      ["prec", "IMMEDIATE", false],
      ["class", "TOP SECRET", true],
      ["prec", "NIACT", false],
    ]);
    expect(parsed('ref:08SECSTATE016245 ref:"07 STATE 166909"').filters.map((f) => f.value)).toEqual([
      "08STATE16245",
      "07STATE166909",
    ]);
  });

  it("turns from: and to: into a half-open range of whole days, months or years", () => {
    const bounds = (q: string) => parsed(q).filters.map((f) => ("bound" in f ? f.bound : null));
    expect(bounds("from:2008-01-01 to:2009-12-31")).toEqual(["2008-01-01T00:00:00Z", "2010-01-01T00:00:00Z"]);
    expect(bounds("from:2008 to:2008")).toEqual(["2008-01-01T00:00:00Z", "2009-01-01T00:00:00Z"]);
    expect(bounds("to:2008-02")).toEqual(["2008-03-01T00:00:00Z"]);
    expect(bounds("to:2008-02-29")).toEqual(["2008-03-01T00:00:00Z"]);
  });

  it("reads an empty query as matching everything", () => {
    expect(parsed("   ")).toEqual({ kind: "query", terms: [], filters: [] });
  });

  it.each([
    ['kosovo "security council', 7, "unclosed quote"],
    ['""', 0, "empty phrase"],
    ["kosovo - serbia", 7, "must be followed"],
    ["tag:", 4, "needs a value"],
    ["subject:kosovo", 0, "unknown field"],
    ["class:SECRETISH", 6, "unknown classification"],
    ["prec:URGENT", 5, "unknown precedence"],
    ["ref:KOSOVO", 4, "cable id"],
    ["from:2008-13-01", 5, "not a date"],
    ["from:2009-02-30", 5, "not a date"],
    ["to:yesterday", 3, "YYYY"],
    ["-from:2008", 0, "cannot be excluded"],
    ["from:2009 to:2008", 10, "before from"],
    ['kos"ovo', 3, "unexpected quote"],
    ['tag:PR"EL', 6, "unexpected quote"],
    [`${"x ".repeat(33)}`, 64, "too many"],
    ["a".repeat(1001), 1000, "longer than"],
  ])("rejects %j with BAD_QUERY at %i (%s)", (q, position, message) => {
    const result = parseSearchQuery(q);
    expect(result).toMatchObject({ code: "BAD_QUERY", position });
    expect("message" in result && result.message).toContain(message);
  });

  it("documents every field in SEARCH_HELP", () => {
    for (const field of SEARCH_FIELDS) expect(SEARCH_HELP).toContain(`${field}:`);
  });
});
