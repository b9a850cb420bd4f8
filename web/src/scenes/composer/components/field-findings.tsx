// The findings of one field, shown under it: what is wrong and how to fix it, errors in red, warnings in amber.
import type { Finding } from "../../../api/types.ts";

type Props = { findings: readonly Finding[]; id?: string };

export function FieldFindings({ findings, id }: Props) {
  if (findings.length === 0) return null;
  return (
    <ul className="findings field-findings" id={id}>
      {findings.map((f, i) => (
        <li key={`${f.code}-${i}`} className={f.severity}>
          <span className="visually-hidden">{f.severity === "error" ? "Error: " : "Warning: "}</span>
          {f.message}
          {f.hint && <span className="finding-hint"> — {f.hint}</span>}
        </li>
      ))}
    </ul>
  );
}
