// Remembered snippets: a search asked again gets the snippets cut the first time, but never one cut from another
// text (a second archive in the process, a repaired cable) or for other terms.
import { describe, expect, it } from "vitest";
import { snippetMemory } from "../src/services/search/snippet-memory.ts";
import { highlightSnippet } from "../src/services/search/snippet.ts";
import type { FtsTerm } from "../src/store/full-text.ts";

const kosovo: FtsTerm[] = [{ words: ["kosovo"], prefix: false, column: "text" }];
const serbia: FtsTerm[] = [{ words: ["serbia"], prefix: false, column: "text" }];
const body = "Posts should urge Kosovo's recognition; Serbia objects.";

describe("remembered snippets", () => {
  it("are the snippets highlightSnippet cuts, for each cable and terms", () => {
    const memory = snippetMemory();
    expect(memory.forTerms(kosovo).of("08STATE16245", body)).toBe(highlightSnippet(body, kosovo));
    expect(memory.forTerms(serbia).of("08STATE16245", body)).toBe(highlightSnippet(body, serbia));
    expect(memory.forTerms(kosovo).of("08STATE16245", body)).toContain("<mark>Kosovo</mark>");
  });

  it("are cut again when the cable's text is not the one they were cut from", () => {
    const memory = snippetMemory();
    memory.forTerms(kosovo).of("08STATE16245", body);
    const other = "Another archive's cable with this id says Kosovo too.";
    expect(memory.forTerms(kosovo).of("08STATE16245", other)).toBe(highlightSnippet(other, kosovo));
  });

  it("forget the least recently used first, past their capacity", () => {
    const cut: string[] = [];
    const memory = snippetMemory(2, (text, terms) => {
      cut.push(text);
      return highlightSnippet(text, terms);
    });
    const terms = memory.forTerms(kosovo);
    for (const id of ["a", "b", "a", "c", "a", "b"]) terms.of(id, `${id} Kosovo`);
    // a and b are cut; a is recalled; c is cut and b forgotten; a is recalled; b is cut again.
    expect(cut).toEqual(["a Kosovo", "b Kosovo", "c Kosovo", "b Kosovo"]);
  });
});
