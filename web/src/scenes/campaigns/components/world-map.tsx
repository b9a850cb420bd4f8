// The world map coloured by position on the day. The atlas (Natural Earth 1:50m from world-atlas) loads when the
// page first needs it; the outlines are projected once and only their fills change as the date moves. Hovering a
// country names it and its position below the map; clicking (or choosing it in the table) opens its details.
// States too small to see (or to point at) at this scale, and Tuvalu, which the atlas lacks, get a round marker;
// territories that are no state of the table get none.
import { geoEqualEarth, geoPath } from "d3-geo";
import { useEffect, useMemo, useState } from "react";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { NO_POSITION_COLOUR, type CountryRow } from "../country-positions.ts";
import { ATLAS_MISSING, featureIso2 } from "../map-features.ts";

const WIDTH = 960;
const HEIGHT = 470;
/** Below this projected area (square units of the 960-wide map) a state gets a marker as well as its outline. */
const TINY_AREA = 6;
const MARKER_RADIUS = 3;

type Shape = { key: string; iso2: string | null; name: string; d: string; marker: [number, number] | null };

async function loadShapes(): Promise<Shape[]> {
  const atlas = (await import("world-atlas/countries-50m.json")).default as unknown as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  const collection = feature(atlas, atlas.objects.countries);
  // Antarctica takes a fifth of the height and holds no state.
  const features = collection.features.filter((f) => f.properties.name !== "Antarctica");
  const projection = geoEqualEarth().fitSize([WIDTH, HEIGHT], { type: "FeatureCollection", features });
  const path = geoPath(projection);
  const shapes: Shape[] = features.map((f, i) => ({
    key: `${String(f.id ?? "")}-${i}`,
    iso2: featureIso2({ id: f.id, properties: f.properties }),
    name: f.properties.name,
    d: path(f) ?? "",
    marker: path.area(f) < TINY_AREA ? path.centroid(f) : null,
  }));
  for (const [iso2, place] of Object.entries(ATLAS_MISSING)) {
    const point = projection([place[0], place[1]]);
    if (point) shapes.push({ key: iso2, iso2, name: iso2, d: "", marker: point });
  }
  return shapes;
}

type Props = {
  rows: ReadonlyMap<string, CountryRow>;
  fills: ReadonlyMap<string, string>;
  selected: string | null;
  onSelect: (iso2: string) => void;
  /** What the map shows, for screen readers: the table below lists the same. */
  label: string;
};

export function WorldMap({ rows, fills, selected, onSelect, label }: Props) {
  const [shapes, setShapes] = useState<Shape[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [hovered, setHovered] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    loadShapes()
      .then((s) => live && setShapes(s))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, []);

  const outlines = useMemo(
    () =>
      shapes?.map((s) => {
        const row = s.iso2 === null ? undefined : rows.get(s.iso2);
        const name = row?.name ?? s.name;
        const title = `${name}: ${row?.position?.label ?? "no position recorded"}${row?.event ? ` since ${row.event.effectiveOn}` : ""}`;
        return { ...s, title };
      }) ?? [],
    [shapes, rows],
  );

  const hoveredRow = hovered === null ? undefined : rows.get(hovered);
  return (
    <figure className="world-map">
      {failed && <p className="problem">The map could not be loaded; the table below lists every country.</p>}
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} onMouseLeave={() => setHovered(null)}>
        {outlines.map((s) => {
          const shared = {
            fill: (s.iso2 !== null && fills.get(s.iso2)) || NO_POSITION_COLOUR,
            className: s.iso2 !== null && s.iso2 === selected ? "selected" : undefined,
            onMouseEnter: () => setHovered(s.iso2),
            onClick: () => s.iso2 !== null && onSelect(s.iso2),
          };
          return (
            <g key={s.key} data-iso2={s.iso2 ?? undefined}>
              {s.d !== "" && (
                <path d={s.d} {...shared}>
                  <title>{s.title}</title>
                </path>
              )}
              {s.marker !== null && s.iso2 !== null && rows.has(s.iso2) && (
                <circle cx={s.marker[0]} cy={s.marker[1]} r={MARKER_RADIUS} {...shared}>
                  <title>{s.title}</title>
                </circle>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="map-hover muted">
        {hoveredRow
          ? `${hoveredRow.name}: ${hoveredRow.position?.label ?? "no position recorded"}` +
            (hoveredRow.event ? ` since ${hoveredRow.event.effectiveOn} (${hoveredRow.event.confidence})` : "") +
            ". Click for the source."
          : shapes === null && !failed
            ? "Loading the map…"
            : "Point at a country to see its position; click it for the source."}
      </figcaption>
    </figure>
  );
}
