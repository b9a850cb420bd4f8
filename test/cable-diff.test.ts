// The diff a clearer asked again is shown: paragraphs as lines, subject, addressees and TAGS.
import { describe, expect, it } from "vitest";
import { diffCables, diffLines } from "../src/core/index.ts";
import { buildCable } from "./helpers/factories.ts";

describe("cable diff", () => {
  it("keeps shared lines in order and marks the rest removed or added", () => {
    expect(diffLines(["a", "b", "c"], ["a", "x", "c", "d"])).toEqual([
      { op: "same", text: "a" },
      { op: "removed", text: "b" },
      { op: "added", text: "x" },
      { op: "same", text: "c" },
      { op: "added", text: "d" },
    ]);
  });

  it("says nothing changed for the same cable, and names a precedence change as a changed addressee", () => {
    const cable = buildCable();
    expect(diffCables(cable, cable)).toEqual({
      changed: false,
      subject: null,
      addressees: { added: [], removed: [] },
      tags: { added: [], removed: [] },
      paragraphs: [],
    });
    const later = buildCable({ to: [{ ...cable.to[0]!, precedence: "IMMEDIATE" }] });
    expect(diffCables(cable, later).addressees).toEqual({
      added: ["TO AMEMBASSY PARIS (IMMEDIATE)"],
      removed: ["TO AMEMBASSY PARIS (PRIORITY)"],
    });
  });
});
