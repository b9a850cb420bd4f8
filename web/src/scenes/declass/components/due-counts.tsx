// One count table of the due list (by classification, by origin): each value a button that narrows the list to it.
import { useState } from "react";
import type { DueList } from "../../../api/types.ts";

type Field = "origin" | "classification";

type Props = {
  title: string;
  counts: DueList["byOrigin"];
  field: Field;
  filter: { field: Field; value: string } | null;
  onChoose(filter: { field: Field; value: string }): void;
};

const FIRST = 10;

export function DueCounts({ title, counts, field, filter, onChoose }: Props) {
  const [all, setAll] = useState(false);
  const rows = all ? counts : counts.slice(0, FIRST);
  return (
    <section className="card declass-count" aria-label={title}>
      <h2>{title}</h2>
      {counts.length === 0 ? (
        <p className="muted">None due.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{field === "origin" ? "Origin" : "Classification"}</th>
              <th scope="col">Due</th>
              <th scope="col">Overdue</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => {
              const active = filter?.field === field && filter.value === c.value;
              return (
                <tr key={c.value}>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      aria-pressed={active}
                      onClick={() => onChoose({ field, value: c.value })}
                    >
                      {c.value}
                    </button>
                  </td>
                  <td>{c.due.toLocaleString("en-US")}</td>
                  <td>{c.overdue.toLocaleString("en-US")}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {counts.length > FIRST && (
        <button type="button" className="link-button" onClick={() => setAll((a) => !a)}>
          {all ? `Show the first ${FIRST}` : `Show all ${counts.length}`}
        </button>
      )}
    </section>
  );
}
