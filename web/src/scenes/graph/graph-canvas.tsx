// The graph drawn with cytoscape on a canvas: nodes labelled with the cable id and filled with the banner colour
// of its classification, the centre larger, unresolved references grey and dashed; arrows point from a cable to
// what it cites. Clicking a readable cable opens it. The text list beside it carries the same for keyboards and
// screen readers, so the canvas itself is one labelled image.
import cytoscape from "cytoscape";
import { useEffect, useRef } from "react";
import { useNavigate } from "react-router";
import { colourOf, UNRESOLVED_COLOUR } from "./classification-colours.ts";
import { prepareCytoscapeForCsp } from "./cytoscape-csp.ts";
import type { ReferenceGraph } from "./reference-graph.ts";

type Props = {
  graph: ReferenceGraph;
  /** What the image stands for, for screen readers. */
  label: string;
};

function elementsOf(graph: ReferenceGraph): cytoscape.ElementDefinition[] {
  const nodes = graph.nodes.map((node) => ({
    group: "nodes" as const,
    data: {
      id: node.key,
      label: node.label,
      hop: node.hop,
      fill: node.kind === "unresolved" ? UNRESOLVED_COLOUR.fill : colourOf(node.summary?.classification),
      readable: node.kind !== "unresolved",
      cable: node.kind === "unresolved" ? "" : (node.id ?? ""),
    },
    classes: node.kind,
  }));
  const edges = graph.edges.map((edge) => ({
    group: "edges" as const,
    data: { id: `${edge.from}>${edge.to}`, source: edge.from, target: edge.to },
  }));
  return [...nodes, ...edges];
}

const STYLE: cytoscape.StylesheetJson = [
  {
    selector: "node",
    style: {
      "background-color": "data(fill)",
      label: "data(label)",
      color: "#1b1f24",
      "font-family": "DejaVu Sans Mono, monospace",
      "font-size": 11,
      "text-valign": "bottom",
      "text-margin-y": 4,
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.85,
      "text-background-padding": "2px",
      // A reference's free text can be long: one line, cut with an ellipsis, so labels never run into each other.
      "text-wrap": "ellipsis",
      "text-max-width": "120px",
      width: 22,
      height: 22,
      "border-width": 1,
      "border-color": "#ffffff",
    },
  },
  {
    selector: "node.centre",
    style: {
      width: 38,
      height: 38,
      "border-width": 4,
      "border-color": "#14263b",
      "font-size": 13,
      "font-weight": "bold",
    },
  },
  {
    selector: "node.unresolved",
    style: {
      "background-color": UNRESOLVED_COLOUR.fill,
      "border-width": 2,
      "border-style": "dashed",
      "border-color": UNRESOLVED_COLOUR.border,
      color: UNRESOLVED_COLOUR.ink,
      shape: "round-rectangle",
    },
  },
  {
    selector: "edge",
    style: {
      width: 1.5,
      "line-color": "#8c959f",
      "target-arrow-color": "#8c959f",
      "target-arrow-shape": "triangle",
      "curve-style": "bezier",
      "arrow-scale": 1.1,
    },
  },
  { selector: "node:active", style: { "overlay-opacity": 0.12 } },
];

/**
 * The layout. A small graph reads best as a tree hanging from the cable, a row per hop; a large one as rings around
 * it by hop, where the rows would grow too wide to read.
 */
function layoutOf(graph: ReferenceGraph): cytoscape.LayoutOptions {
  const centre = graph.nodes.find((n) => n.kind === "centre")?.key;
  if (graph.nodes.length <= 30) {
    return {
      name: "breadthfirst",
      directed: false,
      roots: centre ? [centre] : undefined,
      spacingFactor: 1.1,
      avoidOverlap: true,
      padding: 40,
      animate: false,
    };
  }
  return {
    name: "concentric",
    concentric: (node: cytoscape.NodeSingular) => 10 - Number(node.data("hop")),
    levelWidth: () => 1,
    minNodeSpacing: 24,
    padding: 36,
    animate: false,
  };
}

export function GraphCanvas({ graph, label }: Props) {
  const container = useRef<HTMLDivElement | null>(null);
  const navigate = useNavigate();

  useEffect(() => {
    if (!container.current) return;
    prepareCytoscapeForCsp(document);
    const cy = cytoscape({
      container: container.current,
      elements: elementsOf(graph),
      style: STYLE,
      layout: layoutOf(graph),
      minZoom: 0.3,
      maxZoom: 2.5,
      boxSelectionEnabled: false,
      autoungrabify: false,
    });
    const fit = () => {
      cy.resize();
      cy.fit(undefined, 40);
      // A lone cable or two would otherwise be blown up to fill the canvas.
      if (cy.zoom() > 1.4) {
        cy.zoom(1.4);
        cy.center();
      }
    };
    fit();
    // The page may be resized (or the window narrowed): draw the whole graph in the new size.
    const resizes = new ResizeObserver(() => fit());
    resizes.observe(container.current);
    cy.on("tap", "node", (event) => {
      const cable = String(event.target.data("cable") ?? "");
      if (event.target.data("readable") && cable) navigate(`/cables/${encodeURIComponent(cable)}`);
    });
    const element = container.current;
    cy.on("mouseover", "node", (event) => {
      element.style.cursor = event.target.data("readable") ? "pointer" : "default";
    });
    cy.on("mouseout", "node", () => {
      element.style.cursor = "default";
    });
    return () => {
      resizes.disconnect();
      cy.destroy();
    };
  }, [graph, navigate]);

  return <div ref={container} className="graph-canvas" role="img" aria-label={label} />;
}
