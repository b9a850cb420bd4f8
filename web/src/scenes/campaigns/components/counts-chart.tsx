// The world's count of each position over the campaign, as a step chart in plain SVG, with a line at the as-of day.
import type { Position } from "../../../../../src/core/campaigns/question.ts";
import { positionPredicate } from "../../../../../src/core/campaigns/tally-wording.ts";
import type { IsoDate } from "../../../../../src/core/countries/iso-date.ts";
import { daysBetween, longDate } from "../campaign-dates.ts";
import type { CountsPoint } from "../tally-cards.ts";

const WIDTH = 640;
const HEIGHT = 200;
const LEFT = 36;
const BOTTOM = 22;
const TOP = 8;
const RIGHT = 8;

type Props = {
  points: readonly CountsPoint[];
  positions: readonly Position[];
  from: IsoDate;
  to: IsoDate;
  asOf: IsoDate;
};

export function CountsChart({ points, positions, from, to, asOf }: Props) {
  const span = Math.max(1, daysBetween(from, to));
  const top = Math.max(1, ...points.flatMap((p) => p.counts));
  const x = (date: IsoDate) => LEFT + (daysBetween(from, date) / span) * (WIDTH - LEFT - RIGHT);
  const y = (count: number) => HEIGHT - BOTTOM - (count / top) * (HEIGHT - BOTTOM - TOP);
  const step = (index: number) => {
    let d = "";
    points.forEach((p, i) => {
      const count = p.counts[index] ?? 0;
      d += i === 0 ? `M${x(p.date)},${y(count)}` : `H${x(p.date)}V${y(count)}`;
    });
    return `${d}H${x(to)}`;
  };
  const firstYear = Number(from.slice(0, 4)) + 1;
  const lastYear = Number(to.slice(0, 4));
  const every = Math.max(1, Math.ceil((lastYear - firstYear + 1) / 8));
  const years: number[] = [];
  for (let year = firstYear; year <= lastYear; year += every) years.push(year);
  const latest = [...points].reverse().find((p) => p.date <= asOf);
  const summary = positions
    .map((p, i) => [p.label, latest?.counts[i] ?? 0] as const)
    .map(([label, count]) => `${count} ${positionPredicate(label, count)}`)
    .join(", ");
  return (
    <figure className="counts-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`Counts over time; on ${longDate(asOf)}: ${summary}.`}
      >
        <line x1={LEFT} x2={WIDTH - RIGHT} y1={HEIGHT - BOTTOM} y2={HEIGHT - BOTTOM} className="axis" />
        <line x1={LEFT} x2={LEFT} y1={TOP} y2={HEIGHT - BOTTOM} className="axis" />
        {[0, top].map((v) => (
          <text key={v} x={LEFT - 4} y={y(v) + 4} textAnchor="end" className="tick">
            {v}
          </text>
        ))}
        {years.map((year) => (
          <text key={year} x={x(`${year}-01-01`)} y={HEIGHT - 6} textAnchor="middle" className="tick">
            {year}
          </text>
        ))}
        {positions.map((p, i) => (
          <path key={p.code} d={step(i)} stroke={p.colour} className="series" />
        ))}
        <line x1={x(asOf)} x2={x(asOf)} y1={TOP} y2={HEIGHT - BOTTOM} className="as-of-line" />
      </svg>
      <figcaption>
        <ul className="chart-legend">
          {positions.map((p) => (
            <li key={p.code}>
              <span className="legend-swatch" style={{ background: p.colour }} aria-hidden="true" /> {p.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
