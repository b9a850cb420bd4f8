// Small helpers of the search page: the syntax help read from the server's SEARCH_HELP, the total in words with the
// lower bound past 10,000, and the place a bad query is marked.
import { describe, expect, it } from "vitest";
import { SEARCH_FIELDS, SEARCH_HELP } from "../src/core/search-language.ts";
import { formatTotal } from "../web/src/scenes/search/format-total.ts";
import { helpLines } from "../web/src/scenes/search/help-lines.ts";
import { splitAt } from "../web/src/scenes/search/split-at.ts";

describe("web search: helpers", () => {
  it("reads every example line of SEARCH_HELP, with continuation lines joined", () => {
    const { lines, note } = helpLines(SEARCH_HELP);
    expect(lines[0]).toEqual({
      example: "kosovo recognition",
      meaning: "cables containing both words (anywhere in subject or text)",
    });
    expect(lines.find((l) => l.example === '-serbia  -"veto threat"')).toBeDefined();
    expect(lines.find((l) => l.example === "class:CONFIDENTIAL")?.meaning).toMatch(/SECRET \(S\), "TOP SECRET" \(TS\)/);
    for (const field of SEARCH_FIELDS) expect(lines.some((l) => l.example.startsWith(`${field}:`))).toBe(true);
    expect(note).toMatch(/^Quote a value with spaces/);
  });

  it('says how many cables match, with "10,000+" for a lower bound', () => {
    expect(formatTotal(10000, true)).toBe("10,000+ cables");
    expect(formatTotal(1234, false)).toBe("1,234 cables");
    expect(formatTotal(1, false)).toBe("1 cable");
    expect(formatTotal(0, false)).toBe("No cables");
  });

  it("cuts a query at the error's position, a space standing for its end", () => {
    expect(splitAt('kosovo "security', 7)).toEqual({ before: "kosovo ", at: '"', after: "security" });
    expect(splitAt("tag:", 4)).toEqual({ before: "tag:", at: " ", after: "" });
    expect(splitAt("x", 99)).toEqual({ before: "x", at: " ", after: "" });
  });
});
