// Which blocks of a cable's body the reader shows as headings: short unnumbered lines, never running text.
import { describe, expect, it } from "vitest";
import { isHeading } from "../web/src/scenes/reader/is-heading.ts";

describe("web reader: headings of the body", () => {
  it("reads a short unnumbered line as a heading", () => {
    expect(isHeading({ number: null, text: "OBJECTIVES" })).toBe(true);
    expect(isHeading({ number: null, text: "BACKGROUND AND TALKING POINTS" })).toBe(true);
  });

  it("reads numbered paragraphs, sentences and long or several lines as text", () => {
    expect(isHeading({ number: 2, text: "OBJECTIVES" })).toBe(false);
    expect(isHeading({ number: null, text: "Please deliver the points below." })).toBe(false);
    expect(isHeading({ number: null, text: "OBJECTIVES\nAND MORE" })).toBe(false);
    expect(isHeading({ number: null, text: "A".repeat(81) })).toBe(false);
    expect(isHeading({ number: null, text: "  " })).toBe(false);
  });
});
