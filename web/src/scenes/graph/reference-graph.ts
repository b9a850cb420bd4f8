// The references graph of a cable, gathered breadth-first: what it cites and what cites it, then the same for each
// of those, up to a number of hops and a number of nodes. Pure: the fetching is passed in, so it is tested without
// a server and the page decides how to call the API.
import type { CableReferences, CableSummary } from "../../api/types.ts";

/** A node: a cable the user may read, or a reference that did not resolve (not archived, or not readable). */
export type GraphNode = {
  /** Unique in the graph: the cable id, or `ref:` and the reference's id or text. */
  key: string;
  /** The cable id; null for a reference that names no cable (a letter, a call). */
  id: string | null;
  /** What the node shows: the cable id, or the reference as written. */
  label: string;
  /** Null for unresolved references. */
  summary: CableSummary | null;
  /** Hops from the centre: 0 for the cable itself. */
  hop: number;
  kind: "centre" | "cable" | "unresolved";
  /** How it was reached: `cites` (the node cites `from`) or `cited by` (`from` cites the node); null for the centre. */
  via: { relation: "cites" | "cited by"; from: string } | null;
};

/** An edge: `from` cites `to`. */
export type GraphEdge = { from: string; to: string };

export type ReferenceGraph = {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** True when the node cap stopped the walk: there is more than is shown. */
  capped: boolean;
};

export type FetchReferences = (id: string) => Promise<CableReferences | null>;

type Options = {
  /** 1 to 3. */
  hops: number;
  /** At most this many nodes. */
  maxNodes: number;
  /** Fetches in flight at once. */
  concurrency?: number;
};

/**
 * Walks the references from `centre`. A cable whose references cannot be fetched (gone, or no longer readable)
 * stays a node with no further edges; the centre itself unreadable gives null.
 * @example await buildReferenceGraph("08STATE16245", summaryOf, fetchRefs, { hops: 2, maxNodes: 150 })
 * // { nodes: [{ key: "08STATE16245", kind: "centre", hop: 0, ... }, { key: "ref:07STATE166909", kind: "unresolved", hop: 1, ... }],
 * //   edges: [{ from: "08STATE16245", to: "ref:07STATE166909" }], capped: false }
 */
export async function buildReferenceGraph(
  centre: CableSummary,
  fetchReferences: FetchReferences,
  { hops, maxNodes, concurrency = 6 }: Options,
): Promise<ReferenceGraph | null> {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  let capped = false;
  nodes.set(centre.id, {
    key: centre.id,
    id: centre.id,
    label: centre.id,
    summary: centre,
    hop: 0,
    kind: "centre",
    via: null,
  });

  /** Adds a node unless the cap is reached; true when the node is in the graph (new or already there). */
  const addNode = (node: GraphNode): boolean => {
    if (nodes.has(node.key)) return true;
    if (nodes.size >= maxNodes) {
      capped = true;
      return false;
    }
    nodes.set(node.key, node);
    return true;
  };
  const addEdge = (from: string, to: string) => {
    if (from !== to) edges.set(`${from}>${to}`, { from, to });
  };

  let frontier = [centre.id];
  for (let hop = 1; hop <= hops && frontier.length > 0; hop++) {
    const answers = await mapLimited(frontier, concurrency, async (id) => ({ id, refs: await fetchReferences(id) }));
    if (hop === 1 && answers[0]?.refs === null) return null;
    const next: string[] = [];
    for (const { id, refs } of answers) {
      if (!refs) continue;
      for (const ref of refs.references) {
        const cited = ref.resolved;
        const node: GraphNode = cited
          ? {
              key: cited.id,
              id: cited.id,
              label: cited.id,
              summary: cited,
              hop,
              kind: "cable",
              via: { relation: "cited by", from: id },
            }
          : {
              key: `ref:${ref.id ?? ref.text}`,
              id: ref.id,
              label: ref.text,
              summary: null,
              hop,
              kind: "unresolved",
              via: { relation: "cited by", from: id },
            };
        const isNew = !nodes.has(node.key);
        if (addNode(node)) {
          addEdge(id, node.key);
          if (isNew && node.kind === "cable") next.push(node.key);
        }
      }
      for (const citing of refs.citedBy) {
        const node: GraphNode = {
          key: citing.id,
          id: citing.id,
          label: citing.id,
          summary: citing,
          hop,
          kind: "cable",
          via: { relation: "cites", from: id },
        };
        const isNew = !nodes.has(node.key);
        if (addNode(node)) {
          addEdge(node.key, id);
          if (isNew) next.push(node.key);
        }
      }
    }
    frontier = next;
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()], capped };
}

/** Runs `work` over `items` with at most `limit` at a time, answers in the order of the items. */
async function mapLimited<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
