// The references graph of a cable (/cables/:id/graph?hops=2): what it cites and what cites it, a few hops out,
// drawn and listed. Only cables the user may read appear; other references are grey, unnamed beyond their text.
import { Link, useParams, useSearchParams } from "react-router";
import { Loading, Problem } from "../../components/problem.tsx";
import { GraphCanvas } from "./graph-canvas.tsx";
import { GraphLegend } from "./graph-legend.tsx";
import { HopsControl } from "./hops-control.tsx";
import { NodeList } from "./node-list.tsx";
import { MAX_NODES, useReferenceGraph } from "./use-reference-graph.ts";
import { plural } from "../../components/plural.ts";

function hopsOf(value: string | null): number {
  const n = Number(value);
  return n === 1 || n === 2 || n === 3 ? n : 2;
}

export function GraphScene() {
  const { id = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const hops = hopsOf(params.get("hops"));
  const { graph, error, loading } = useReferenceGraph(id, hops);

  if (error?.code === "CABLE_NOT_FOUND") {
    return (
      <section aria-labelledby="graph-not-found">
        <h1 id="graph-not-found">Cable not found</h1>
        <Problem error={error} />
        <p>
          <Link to="/search">Search the archive</Link>
        </p>
      </section>
    );
  }
  const cables = graph?.nodes.filter((n) => n.kind === "cable").length ?? 0;
  const unresolved = graph?.nodes.filter((n) => n.kind === "unresolved").length ?? 0;
  return (
    <div className="graph-scene">
      <div className="graph-head">
        <div>
          <h1>
            References of{" "}
            <Link to={`/cables/${encodeURIComponent(id)}`} className="mono">
              {id}
            </Link>
          </h1>
          <p className="muted graph-summary" role="status" aria-live="polite">
            {loading
              ? "Following references…"
              : graph
                ? `${plural(cables, "related cable")} within ${plural(hops, "hop")}` +
                  (unresolved > 0
                    ? `, and ${plural(unresolved, "reference")} not in the archive or not readable`
                    : "") +
                  "."
                : ""}
          </p>
        </div>
        <HopsControl
          hops={hops}
          onChange={(n) => {
            const next = new URLSearchParams(params);
            next.set("hops", String(n));
            setParams(next, { replace: true });
          }}
        />
      </div>
      {error && <Problem error={error} />}
      {graph?.capped && (
        <p className="notice graph-capped" role="note">
          The graph is cut at {MAX_NODES} nodes: there are more references than are shown. Choose fewer hops, or open a
          cable further out to see its own graph.
        </p>
      )}
      {graph ? (
        <>
          <GraphCanvas
            graph={graph}
            label={`Reference graph of ${id}: ${plural(graph.nodes.length, "node")}; listed below.`}
          />
          <GraphLegend />
          <h2>Cables in the graph</h2>
          <NodeList nodes={graph.nodes} />
        </>
      ) : (
        loading && <Loading what="Following references" />
      )}
    </div>
  );
}
