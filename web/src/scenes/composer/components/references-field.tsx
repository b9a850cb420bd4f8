// REF lines: each with its letter and the cable it cites (`07 STATE 166909`) or free text (an e-mail, a meeting);
// a text that is a cable id is shown as the cable it links to.
import type { Finding } from "../../../api/types.ts";
import { referencedId, rowKey, type ReferenceRow } from "../draft-form.ts";
import { findingsUnder } from "../form-findings.ts";
import { FieldFindings } from "./field-findings.tsx";

type Props = { rows: ReferenceRow[]; onChange: (rows: ReferenceRow[]) => void; findings: readonly Finding[] };

export function ReferencesField({ rows, onChange, findings }: Props) {
  const update = (key: string, change: Partial<ReferenceRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const nextLabel = rows.length === 0 ? "" : String.fromCharCode(65 + rows.length);
  return (
    <fieldset className="references-field">
      <legend>References (REF)</legend>
      {rows.map((r, i) => {
        const id = referencedId(r.text);
        return (
          <div key={r.key} className="reference-row">
            <label className="narrow">
              Label
              <input value={r.label} maxLength={3} onChange={(e) => update(r.key, { label: e.target.value })} />
            </label>
            <label className="grow">
              Cable or text of reference {i + 1}
              <input
                value={r.text}
                placeholder="e.g. 07 STATE 166909"
                onChange={(e) => update(r.key, { text: e.target.value })}
              />
            </label>
            <span className="reference-link muted">{id ? `cites ${id}` : r.text.trim() ? "not a cable" : ""}</span>
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove reference ${i + 1}`}
              onClick={() => onChange(rows.filter((x) => x.key !== r.key))}
            >
              ×
            </button>
            <FieldFindings findings={findingsUnder(findings, ["references", i])} />
          </div>
        );
      })}
      <button
        type="button"
        onClick={() => {
          // The first reference stands alone; a second one letters both (A., B.).
          const relabelled = rows.length === 1 && rows[0]!.label === "" ? [{ ...rows[0]!, label: "A" }] : rows;
          onChange([...relabelled, { key: rowKey(), label: rows.length === 0 ? "" : nextLabel, text: "" }]);
        }}
      >
        Add reference
      </button>
    </fieldset>
  );
}
