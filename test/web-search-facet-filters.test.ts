// The search page's facet filters as query text: adding, recognising however written, removing, and replacing a
// value of a field a cable has only one of (class, origin, year), so a click never builds a query that finds nothing.
import { describe, expect, it } from "vitest";
import { facetFilter, hasFacetFilter, toggleFacetFilter } from "../web/src/scenes/search/facet-filters.ts";
import { parseSearchQuery } from "../src/core/search-language.ts";

describe("web search: facet filters", () => {
  it("writes each facet's filter in the query language, quoting values with spaces", () => {
    expect(facetFilter("tags", "PREL")).toBe("tag:PREL");
    expect(facetFilter("origin", "PARIS")).toBe("origin:PARIS");
    expect(facetFilter("classification", "CONFIDENTIAL")).toBe("class:CONFIDENTIAL");
    expect(facetFilter("classification", "LIMITED OFFICIAL USE")).toBe('class:"LIMITED OFFICIAL USE"');
    expect(facetFilter("year", "2008")).toBe("from:2008 to:2008");
    for (const text of ['class:"LIMITED OFFICIAL USE"', "from:2008 to:2008", "tag:OVIP"]) {
      expect(parseSearchQuery(text)).toHaveProperty("kind", "query");
    }
  });

  it("adds a filter, and a second click on it takes it out again", () => {
    const once = toggleFacetFilter("kosovo", "tags", "PREL");
    expect(once).toBe("kosovo tag:PREL");
    expect(toggleFacetFilter(once, "tags", "PREL")).toBe("kosovo");
    expect(toggleFacetFilter("", "year", "2009")).toBe("from:2009 to:2009");
    expect(toggleFacetFilter("kosovo from:2009 to:2009", "year", "2009")).toBe("kosovo");
  });

  it("recognises a filter however it was typed: case, aliases, quotes", () => {
    expect(hasFacetFilter("kosovo tag:prel", "tags", "PREL")).toBe(true);
    expect(hasFacetFilter("kosovo class:c", "classification", "CONFIDENTIAL")).toBe(true);
    expect(hasFacetFilter("kosovo class:LOU", "classification", "LIMITED OFFICIAL USE")).toBe(true);
    expect(hasFacetFilter("origin:SECSTATE", "origin", "STATE")).toBe(true);
    expect(toggleFacetFilter('a class:"limited official use" b', "classification", "LIMITED OFFICIAL USE")).toBe("a b");
  });

  it("does not take an excluded filter, a word or a phrase for the facet", () => {
    expect(hasFacetFilter("kosovo -tag:PREL", "tags", "PREL")).toBe(false);
    expect(hasFacetFilter('PREL "tag:PREL"', "tags", "PREL")).toBe(false);
    expect(hasFacetFilter("from:2008", "year", "2008")).toBe(false);
    expect(toggleFacetFilter("kosovo -tag:PREL", "tags", "PREL")).toBe("kosovo -tag:PREL tag:PREL");
  });

  it("replaces another value of class, origin and year, but lets tags add up", () => {
    expect(toggleFacetFilter("kosovo class:SECRET", "classification", "CONFIDENTIAL")).toBe(
      "kosovo class:CONFIDENTIAL",
    );
    expect(toggleFacetFilter("origin:PARIS kosovo", "origin", "STATE")).toBe("kosovo origin:STATE");
    const years = toggleFacetFilter("kosovo from:2008 to:2008", "year", "2009");
    expect(years).toBe("kosovo from:2009 to:2009");
    expect(parseSearchQuery(years)).toHaveProperty("kind", "query");
    expect(toggleFacetFilter("kosovo tag:PREL", "tags", "KV")).toBe("kosovo tag:PREL tag:KV");
  });

  it("keeps the rest of the query as written, phrases and exclusions included", () => {
    const q = 'kosovo -"veto threat" addressee:"USUN NEW YORK"';
    expect(toggleFacetFilter(toggleFacetFilter(q, "tags", "UNSC"), "tags", "UNSC")).toBe(q);
  });
});
