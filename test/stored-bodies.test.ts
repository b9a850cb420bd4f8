// The bodies search snippets are cut from: an archived telegram is parsed once while its page keeps coming back, and
// a remembered body is never given for another text, be it another archive's cable of the same id.
import { describe, expect, it } from "vitest";
import { storedBodies, type StoredBody } from "../src/services/archive/stored-bodies.ts";

const row = (id: string, raw: string): StoredBody => ({ id, model: "", raw, parse_hints: '{"from":"test"}' });

/** A memory whose parse returns the raw text upper-cased and counts its calls. */
function counted(capacity: number) {
  const parsed: string[] = [];
  const bodies = storedBodies(capacity, (r) => (parsed.push(r.raw ?? ""), (r.raw ?? "").toUpperCase()));
  return { bodies, parsed };
}

describe("stored bodies for snippets", () => {
  it("parses a cable's stored text once while it is asked for again unchanged", () => {
    const { bodies, parsed } = counted(10);
    expect(bodies.bodyOf(row("08STATE16245", "kosovo"))).toBe("KOSOVO");
    expect(bodies.bodyOf(row("08STATE16245", "kosovo"))).toBe("KOSOVO");
    expect(parsed).toEqual(["kosovo"]);
  });

  it("parses again, and remembers the new text, when the same id comes with another stored text", () => {
    const { bodies, parsed } = counted(10);
    bodies.bodyOf(row("08STATE16245", "kosovo"));
    expect(bodies.bodyOf(row("08STATE16245", "serbia"))).toBe("SERBIA");
    expect(bodies.bodyOf({ ...row("08STATE16245", "serbia"), parse_hints: '{"from":"other"}' })).toBe("SERBIA");
    expect(parsed).toEqual(["kosovo", "serbia", "serbia"]);
  });

  it("forgets the body asked for least recently once it holds its capacity", () => {
    const { bodies, parsed } = counted(2);
    bodies.bodyOf(row("A", "a"));
    bodies.bodyOf(row("B", "b"));
    bodies.bodyOf(row("A", "a")); // A is now the most recent: B goes first
    bodies.bodyOf(row("C", "c"));
    bodies.bodyOf(row("A", "a"));
    bodies.bodyOf(row("B", "b"));
    expect(parsed).toEqual(["a", "b", "c", "b"]);
  });
});
