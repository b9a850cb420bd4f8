// The README states the access rule and the search language in the words the code uses: they cannot drift apart.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ACCESS_RULE } from "../src/services/access/index.ts";
import { SEARCH_HELP } from "../src/core/search-language.ts";

const README = readFileSync(new URL("../README.md", import.meta.url), "utf8");

describe("README", () => {
  it("quotes the access rule as src/services/access states it", () => {
    expect(README).toContain(ACCESS_RULE);
  });

  it("quotes the search language as the query parser documents it", () => {
    expect(README).toContain(SEARCH_HELP);
  });

  it("gives the two commands of the quick start", () => {
    expect(README).toContain("npm install && npm start");
    expect(README).toContain("npm install && npm test");
  });
});
