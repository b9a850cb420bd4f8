// What the colours and shapes of the graph mean.
import { CLASSIFICATIONS } from "../../../../src/core/index.ts";
import { ClassificationTag } from "../../components/classification-banner.tsx";

export function GraphLegend() {
  return (
    <ul className="graph-legend" aria-label="Legend">
      {CLASSIFICATIONS.map((level) => (
        <li key={level}>
          <ClassificationTag classification={level} /> {level}
        </li>
      ))}
      <li>
        <span className="legend-unresolved" aria-hidden="true" /> not archived or not readable
      </li>
      <li>
        <span className="legend-centre" aria-hidden="true" /> this cable
      </li>
      <li>
        <span aria-hidden="true">→</span> cites
      </li>
    </ul>
  );
}
