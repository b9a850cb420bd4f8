// Every country's position on the day, sortable by any column (headers are buttons; aria-sort says the order), with
// a filter by position, and the rows as shown exported to CSV.
import { useMemo, useState } from "react";
import type { Position } from "../../../../../src/core/campaigns/question.ts";
import type { CountryRow } from "../country-positions.ts";
import { SORT_KEYS, sortRows, toCsv, type SortDirection, type SortKey } from "../country-table.ts";
import { SourceLinks } from "./source-links.tsx";

const HEADINGS: Record<SortKey, string> = {
  name: "Country",
  position: "Position",
  effectiveOn: "Since",
  source: "Source",
  confidence: "Confidence",
};

const ALL = "*";
const NONE = "";

type Props = {
  rows: readonly CountryRow[];
  scale: readonly Position[];
  fileName: string;
  onSelect: (iso2: string) => void;
};

function download(text: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = fileName;
  anchor.click();
  URL.revokeObjectURL(url);
}

export function CountryTable({ rows, scale, fileName, onSelect }: Props) {
  const codes = useMemo(() => scale.map((p) => p.code), [scale]);
  const [shown, setShown] = useState<string>(ALL);
  const [sort, setSort] = useState<{ key: SortKey; direction: SortDirection }>({ key: "name", direction: "ascending" });
  const sorted = useMemo(() => {
    const kept = shown === ALL ? rows : rows.filter((r) => (r.position?.code ?? NONE) === shown);
    return sortRows(kept, sort.key, sort.direction, codes);
  }, [rows, shown, sort, codes]);
  return (
    <section aria-labelledby="country-table-heading">
      <div className="table-head">
        <h2 id="country-table-heading">Countries</h2>
        <label className="table-filter">
          Show
          <select value={shown} onChange={(e) => setShown(e.target.value)}>
            <option value={ALL}>every country ({rows.length})</option>
            {scale.map((p) => (
              <option key={p.code} value={p.code}>
                {p.label} ({rows.filter((r) => r.position?.code === p.code).length})
              </option>
            ))}
            <option value={NONE}>no position ({rows.filter((r) => r.position === null).length})</option>
          </select>
        </label>
        <button type="button" onClick={() => download(toCsv(sorted), fileName)}>
          Export CSV
        </button>
      </div>
      <table className="country-table">
        <thead>
          <tr>
            {SORT_KEYS.map((key) => (
              <th key={key} scope="col" aria-sort={sort.key === key ? sort.direction : undefined}>
                <button
                  type="button"
                  className="sort-button"
                  onClick={() =>
                    setSort((s) => ({
                      key,
                      direction: s.key === key && s.direction === "ascending" ? "descending" : "ascending",
                    }))
                  }
                >
                  {HEADINGS[key]}
                  <span aria-hidden="true">
                    {sort.key === key ? (sort.direction === "ascending" ? " ▲" : " ▼") : ""}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={row.iso2} data-iso2={row.iso2}>
              <th scope="row">
                <button type="button" className="link-button" onClick={() => onSelect(row.iso2)}>
                  {row.name}
                </button>
              </th>
              <td>
                {row.position ? (
                  <>
                    <span className="legend-swatch" style={{ background: row.position.colour }} aria-hidden="true" />{" "}
                    {row.position.label}
                  </>
                ) : (
                  <span className="muted">no position</span>
                )}
              </td>
              <td className="mono">{row.event?.effectiveOn ?? ""}</td>
              <td className="source-cell">{row.event ? <SourceLinks sources={row.event.sources} short /> : ""}</td>
              <td>{row.event?.confidence ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
