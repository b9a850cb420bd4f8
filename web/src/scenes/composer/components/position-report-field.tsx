// A reply's structured position report: the campaign and question it answers, the country and its position, and
// how sure the post is. Released with the reply, it is recorded as a position event with the reply as source.
import { CONFIDENCES, type Confidence } from "../../../../../src/core/index.ts";
import type { Finding } from "../../../api/types.ts";
import type { PositionReportRow } from "../draft-form.ts";
import { findingsUnder } from "../form-findings.ts";
import { TextField } from "./text-field.tsx";

type Props = {
  row: PositionReportRow;
  onChange: (row: PositionReportRow) => void;
  findings: readonly Finding[];
};

export function PositionReportField({ row, onChange, findings }: Props) {
  const set = (change: Partial<PositionReportRow>) => onChange({ ...row, ...change });
  return (
    <div className="position-report">
      <p className="muted small">
        Report a country&apos;s position in a campaign: when the cable is released, the position is recorded with this
        cable as its source. Leave the campaign empty for none.
      </p>
      <TextField
        label="Campaign"
        value={row.campaignId}
        onChange={(campaignId) => set({ campaignId })}
        findings={findingsUnder(findings, ["positionReport", "campaignId"])}
        placeholder="e.g. kosovo-recognition"
      />
      <TextField
        label="Question"
        value={row.questionId}
        onChange={(questionId) => set({ questionId })}
        findings={findingsUnder(findings, ["positionReport", "questionId"])}
        placeholder="e.g. kosovo-recognition"
      />
      <TextField
        label="Country"
        value={row.country}
        onChange={(country) => set({ country })}
        findings={findingsUnder(findings, ["positionReport", "country"])}
        placeholder="e.g. FR, tag:KV or France"
      />
      <TextField
        label="Position"
        value={row.position}
        onChange={(position) => set({ position })}
        findings={findingsUnder(findings, ["positionReport", "position"])}
        placeholder="e.g. recognizes"
      />
      <div className="text-field">
        <label htmlFor="position-report-confidence">Confidence</label>
        <select
          id="position-report-confidence"
          value={row.confidence}
          onChange={(e) => set({ confidence: e.target.value as Confidence })}
        >
          {CONFIDENCES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
