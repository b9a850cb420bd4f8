// One block of the body: a numbered paragraph with its portion mark, or a heading; with move and remove buttons.
import type { Classification } from "../../../../../src/core/index.ts";
import type { Finding } from "../../../api/types.ts";
import type { ParagraphRow } from "../draft-form.ts";
import { portionMarkOptions } from "../portion-marks.ts";
import { FieldFindings } from "./field-findings.tsx";

type Props = {
  row: ParagraphRow;
  /** The paragraph's number, or null for a heading. */
  number: number | null;
  /** Which heading of the body this is, counting headings only (1 for the first): names a heading's fields. */
  heading: number;
  classification: Classification;
  first: boolean;
  last: boolean;
  onChange: (row: ParagraphRow) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  findings: readonly Finding[];
};

export function ParagraphEditor({
  row,
  number,
  heading,
  classification,
  first,
  last,
  onChange,
  onMove,
  onRemove,
  findings,
}: Props) {
  // Each heading has a name of its own, so that two headings' fields never share a label.
  const name = number === null ? `Heading ${heading}` : `Paragraph ${number}`;
  const lines = Math.min(
    14,
    Math.max(row.numbered ? 3 : 1, Math.ceil(row.text.length / 90) + row.text.split("\n").length - 1),
  );
  return (
    <div className={`paragraph-editor${findings.some((f) => f.severity === "error") ? " has-error" : ""}`}>
      <div className="paragraph-head">
        <span className="paragraph-number">{number === null ? "Heading" : `¶${number}.`}</span>
        {row.numbered && (
          <select
            aria-label={`Portion mark of ${name}`}
            value={row.marking}
            onChange={(e) => onChange({ ...row, marking: e.target.value })}
          >
            {portionMarkOptions(classification, row.marking).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        )}
        <span className="spacer" />
        <button
          type="button"
          className="link-button"
          onClick={() => onChange({ ...row, numbered: !row.numbered, marking: row.numbered ? "" : "U" })}
        >
          {row.numbered ? "Make heading" : "Make paragraph"}
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={`Move ${name} up`}
          disabled={first}
          onClick={() => onMove(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={`Move ${name} down`}
          disabled={last}
          onClick={() => onMove(1)}
        >
          ↓
        </button>
        <button type="button" className="icon-button" aria-label={`Remove ${name}`} onClick={onRemove}>
          ×
        </button>
      </div>
      <label>
        <span className="visually-hidden">Text of {name}</span>
        <textarea rows={lines} value={row.text} onChange={(e) => onChange({ ...row, text: e.target.value })} />
      </label>
      <FieldFindings findings={findings} />
    </div>
  );
}
