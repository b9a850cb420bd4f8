// Search snippets in the browser: only the server's <mark> becomes markup; any other tag, attribute or script in
// a snippet is shown as text, and the escapes the server writes read back as the characters they stand for.
import { describe, expect, it } from "vitest";
import { highlightSnippet } from "../src/services/search/snippet.ts";
import { decodeEntities, snippetSegments } from "../web/src/scenes/search/snippet-segments.ts";

describe("web search: snippet segments", () => {
  it("reads the server's own snippets back to the cable's text, with the matches marked", () => {
    const html = highlightSnippet(`Kosovo <declared> "independence" & O'Brien's note.`, [
      { words: ["kosovo"], prefix: false, column: "text" },
    ]);
    expect(snippetSegments(html)).toEqual([
      { text: "Kosovo", marked: true },
      { text: ` <declared> "independence" & O'Brien's note.`, marked: false },
    ]);
  });

  it("shows any other markup as text: tags, attributes, scripts, entity-encoded tags", () => {
    for (const hostile of [
      "<img src=x onerror=alert(1)>",
      "<script>alert(1)</script>",
      '<mark onclick="alert(1)">x</mark>',
      "<svg><mark>x</mark></svg>",
    ]) {
      const segments = snippetSegments(hostile);
      expect(segments.map((s) => s.text).join("")).toContain("<");
    }
    expect(snippetSegments('<mark onclick="x">a</mark>')).toEqual([{ text: '<mark onclick="x">a', marked: false }]);
    expect(snippetSegments("&lt;script&gt;")).toEqual([{ text: "<script>", marked: false }]);
  });

  it("tolerates unbalanced and nested marks without losing text", () => {
    expect(snippetSegments("a<mark>b<mark>c</mark>d</mark>e")).toEqual([
      { text: "a", marked: false },
      { text: "bc", marked: true },
      { text: "de", marked: false },
    ]);
    expect(snippetSegments("<mark>open")).toEqual([{ text: "open", marked: true }]);
    expect(snippetSegments("")).toEqual([]);
  });

  it("decodes the escapes the server writes and numeric references, leaving unknown ones as written", () => {
    expect(decodeEntities("&amp;&lt;&gt;&quot;&#39;&#x41;&#66;")).toBe(`&<>"'AB`);
    expect(decodeEntities("&bogus; &#xD800; &#0; & alone")).toBe("&bogus; &#xD800; &#0; & alone");
  });
});
