// The graph as text, for keyboard and screen-reader users and for reading: every node, by hops from the cable,
// each readable cable a link to it, with how it was reached.
import { Link } from "react-router";
import { ClassificationTag } from "../../components/classification-banner.tsx";
import { dateTimeGroup } from "../../components/format-time.ts";
import type { GraphNode } from "./reference-graph.ts";

type Props = { nodes: GraphNode[] };

function relationOf(node: GraphNode): string {
  if (!node.via) return "this cable";
  return `${node.via.relation} ${node.via.from}`;
}

export function NodeList({ nodes }: Props) {
  const ordered = [...nodes].sort((a, b) => a.hop - b.hop || a.label.localeCompare(b.label));
  return (
    <table className="graph-nodes">
      <caption className="visually-hidden">Cables in the graph</caption>
      <thead>
        <tr>
          <th scope="col">Cable</th>
          <th scope="col">Class.</th>
          <th scope="col">Subject</th>
          <th scope="col">Date-time group</th>
          <th scope="col">Reached as</th>
          <th scope="col">Hops</th>
        </tr>
      </thead>
      <tbody>
        {ordered.map((node) => (
          <tr key={node.key} className={node.kind}>
            <td className="mono">
              {node.kind === "unresolved" || !node.id ? (
                <span className="muted">{node.label}</span>
              ) : (
                <Link to={`/cables/${encodeURIComponent(node.id)}`}>{node.id}</Link>
              )}
            </td>
            <td>{node.summary ? <ClassificationTag classification={node.summary.classification} /> : null}</td>
            <td>
              {node.summary ? (
                (node.summary.subject ?? "—")
              ) : (
                <span className="muted">Not archived or not readable</span>
              )}
            </td>
            <td className="mono">{node.summary ? dateTimeGroup(node.summary.dtg) : "—"}</td>
            <td>{relationOf(node)}</td>
            <td>{node.hop}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
