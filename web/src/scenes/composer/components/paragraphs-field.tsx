// The body: numbered paragraphs and unnumbered headings in order, each paragraph with its portion mark; blocks are
// added, removed and moved, and the numbers follow the order.
import type { Classification } from "../../../../../src/core/index.ts";
import type { Finding } from "../../../api/types.ts";
import { rowKey, type ParagraphRow } from "../draft-form.ts";
import { findingsUnder } from "../form-findings.ts";
import { ParagraphEditor } from "./paragraph-editor.tsx";

type Props = {
  rows: ParagraphRow[];
  classification: Classification;
  onChange: (rows: ParagraphRow[]) => void;
  findings: readonly Finding[];
};

export function ParagraphsField({ rows, classification, onChange, findings }: Props) {
  const move = (index: number, by: -1 | 1) => {
    const next = [...rows];
    const [row] = next.splice(index, 1);
    next.splice(index + by, 0, row!);
    onChange(next);
  };
  const add = (numbered: boolean) =>
    onChange([...rows, { key: rowKey(), numbered, marking: numbered ? (rows.at(-1)?.marking ?? "U") : "", text: "" }]);
  let number = 0;
  let heading = 0;
  return (
    <fieldset className="paragraphs-field">
      <legend>Text</legend>
      <ol className="paragraph-list">
        {rows.map((row, i) => {
          if (row.numbered) number += 1;
          else heading += 1;
          return (
            <li key={row.key}>
              <ParagraphEditor
                row={row}
                number={row.numbered ? number : null}
                heading={heading}
                classification={classification}
                first={i === 0}
                last={i === rows.length - 1}
                onChange={(changed) => onChange(rows.map((r) => (r.key === row.key ? changed : r)))}
                onMove={(by) => move(i, by)}
                onRemove={() => onChange(rows.filter((r) => r.key !== row.key))}
                findings={findingsUnder(findings, ["paragraphs", i])}
              />
            </li>
          );
        })}
      </ol>
      <div className="button-row">
        <button type="button" onClick={() => add(true)}>
          Add paragraph
        </button>
        <button type="button" onClick={() => add(false)}>
          Add heading
        </button>
      </div>
    </fieldset>
  );
}
