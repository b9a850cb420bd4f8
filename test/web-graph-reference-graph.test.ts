// The references graph gathered breadth-first: both directions, the hop count, edges from citing to cited,
// unresolved references as their own nodes, the node cap said when it cuts, and an unreadable centre.
import { describe, expect, it } from "vitest";
import type { CableReferences, CableSummary } from "../web/src/api/types.ts";
import { buildReferenceGraph } from "../web/src/scenes/graph/reference-graph.ts";

const summary = (id: string, classification = "UNCLASSIFIED"): CableSummary => ({
  id,
  subject: `SUBJECT OF ${id}`,
  dtg: "2009-01-01T00:00:00Z",
  classification,
});

/** A little archive: C cites B and "07 STATE 1" (not archived); B cites A; D cites C; E cites D. */
const ARCHIVE: Record<string, CableReferences> = {
  A: { references: [], citedBy: [summary("B")] },
  B: { references: [{ label: null, id: "A", text: "A", resolved: summary("A") }], citedBy: [summary("C")] },
  C: {
    references: [
      { label: "A", id: "B", text: "B", resolved: summary("B") },
      { label: "B", id: "07STATE1", text: "07 STATE 1", resolved: null },
    ],
    citedBy: [summary("D", "SECRET")],
  },
  D: { references: [{ label: null, id: "C", text: "C", resolved: summary("C") }], citedBy: [summary("E")] },
  E: { references: [{ label: null, id: "D", text: "D", resolved: summary("D") }], citedBy: [] },
};

function fetcher(calls: string[] = []) {
  return async (id: string) => {
    calls.push(id);
    return ARCHIVE[id] ?? null;
  };
}

describe("web graph: buildReferenceGraph", () => {
  it("takes one hop in both directions, with edges from the citing cable to the cited", async () => {
    const graph = await buildReferenceGraph(summary("C"), fetcher(), { hops: 1, maxNodes: 150 });
    expect(graph!.nodes.map((n) => [n.key, n.kind, n.hop])).toEqual([
      ["C", "centre", 0],
      ["B", "cable", 1],
      ["ref:07STATE1", "unresolved", 1],
      ["D", "cable", 1],
    ]);
    expect(graph!.nodes.find((n) => n.key === "ref:07STATE1")).toMatchObject({ label: "07 STATE 1", summary: null });
    expect(graph!.edges).toEqual([
      { from: "C", to: "B" },
      { from: "C", to: "ref:07STATE1" },
      { from: "D", to: "C" },
    ]);
    expect(graph!.nodes.find((n) => n.key === "D")?.via).toEqual({ relation: "cites", from: "C" });
    expect(graph!.capped).toBe(false);
  });

  it("walks out to the hops asked for, fetching each cable once and never the unresolved", async () => {
    const calls: string[] = [];
    const graph = await buildReferenceGraph(summary("C"), fetcher(calls), { hops: 2, maxNodes: 150 });
    expect(graph!.nodes.map((n) => `${n.key}@${n.hop}`).sort()).toEqual(
      ["A@2", "B@1", "C@0", "D@1", "E@2", "ref:07STATE1@1"].sort(),
    );
    expect(calls.sort()).toEqual(["B", "C", "D"]);
    // B's "cited by C" and D's "cites C" are the edges already there, not new ones.
    expect(graph!.edges).toHaveLength(5);
  });

  it("stops at the node cap and says so", async () => {
    const graph = await buildReferenceGraph(summary("C"), fetcher(), { hops: 3, maxNodes: 3 });
    expect(graph!.nodes).toHaveLength(3);
    expect(graph!.capped).toBe(true);
    const keys = new Set(graph!.nodes.map((n) => n.key));
    for (const edge of graph!.edges) expect(keys.has(edge.from) && keys.has(edge.to)).toBe(true);
  });

  it("gives null when the centre's references cannot be read", async () => {
    expect(await buildReferenceGraph(summary("Z"), fetcher(), { hops: 2, maxNodes: 150 })).toBeNull();
  });
});
