// A one-line field with its label and the findings of its path under it (FROM, SUBJECT, signature).
import { useId } from "react";
import type { Finding } from "../../../api/types.ts";
import { FieldFindings } from "./field-findings.tsx";

type Props = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  findings: readonly Finding[];
  placeholder?: string;
  hint?: string;
  disabled?: boolean;
  className?: string;
};

export function TextField({ label, value, onChange, findings, placeholder, hint, disabled, className }: Props) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, findings.length > 0 ? `${id}-findings` : null].filter((x) => x);
  return (
    <div className={`text-field${className ? ` ${className}` : ""}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        placeholder={placeholder}
        disabled={disabled}
        aria-invalid={findings.some((f) => f.severity === "error")}
        aria-describedby={describedBy.length > 0 ? describedBy.join(" ") : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint && (
        <p id={`${id}-hint`} className="muted small field-hint">
          {hint}
        </p>
      )}
      <FieldFindings id={`${id}-findings`} findings={findings} />
    </div>
  );
}
