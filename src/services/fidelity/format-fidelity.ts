// The fidelity report as text: one line a field with its share and target, then a sample of each field's misses.
import type { AgreementField } from "./index-errata.ts";
import type { ConsistencyField } from "./self-consistency.ts";
import { FIDELITY_TARGETS, share, type FidelityReport, type FieldFigures } from "./fidelity-tally.ts";

const LABELS: Record<AgreementField | ConsistencyField, string> = {
  id: "id",
  dtg: "created (DTG hour)",
  classification: "classification",
  tags: "TAGS",
  classifiedBy: "Classified By (name, reasons)",
  references: "REF lines read whole",
  subject: "SUBJECT lines with a subject",
  signer: "ends with a signer",
  addressees: "addressees resolved",
};

function percent(value: number): string {
  return `${(value * 100).toFixed(2)}%`;
}

/**
 * Whether every field meets its target.
 * @example meetsTargets(report) // false when any field is below its target
 */
export function meetsTargets(report: FidelityReport): boolean {
  const all = { ...report.agreement, ...report.consistency } as Record<AgreementField | ConsistencyField, FieldFigures>;
  return Object.entries(all).every(([field, f]) => share(f) >= FIDELITY_TARGETS[field as AgreementField]);
}

function fieldLine(field: AgreementField | ConsistencyField, f: FieldFigures): string {
  const target = FIDELITY_TARGETS[field];
  if (f.checked === 0)
    return `  ${LABELS[field].padEnd(30)}${"-".padStart(8)}  nothing to check (target ${percent(target)})`;
  const verdict = share(f) >= target ? "met" : "NOT MET";
  const excused =
    f.excused === 0 ? "" : f.setAside ? `, ${f.excused} set aside` : `, ${f.excused} index errors excused`;
  return `  ${LABELS[field].padEnd(30)}${percent(share(f)).padStart(8)}  ${String(f.ok).padStart(6)}/${String(f.checked).padEnd(6)} target ${percent(target)} ${verdict}${excused}`;
}

function sampleLines(field: AgreementField | ConsistencyField, f: FieldFigures): string[] {
  if (f.misses === 0) return [];
  const shown = f.sample.map((m) => {
    const where = m.line > 0 ? `${m.file}:${m.line}` : m.file;
    return m.expected
      ? `    ${where}: index ${JSON.stringify(m.expected)}, parsed ${JSON.stringify(m.found)}`
      : `    ${where}: ${m.found}`;
  });
  const more = f.misses > f.sample.length ? [`    ... and ${f.misses - f.sample.length} more`] : [];
  return [`  ${LABELS[field]}: ${f.misses} missed`, ...shown, ...more];
}

/** Why texts were set aside from a field: the reason, how many, and the first such file. */
function setAsideLines(field: AgreementField | ConsistencyField, f: FieldFigures): string[] {
  const reasons = Object.entries(f.setAside ?? {});
  if (reasons.length === 0) return [];
  return [
    `  ${LABELS[field]}: ${f.excused} set aside, the text holds nothing to read`,
    ...reasons.map(([why, r]) => `    ${why}: ${r.count} (first: ${r.first})`),
  ];
}

function setAsideSection(consistency: [ConsistencyField, FieldFigures][]): string[] {
  const lines = consistency.flatMap(([field, f]) => setAsideLines(field, f));
  return lines.length > 0 ? ["set aside (not counted)", ...lines] : [];
}

/** The general rules that excused index errors, with how many each excused. */
function excusedLines(agreement: [AgreementField, FieldFigures][]): string[] {
  const lines = agreement.flatMap(([field, f]) =>
    Object.entries(f.excusedBy ?? {}).map(([why, n]) => `  ${LABELS[field]}: ${n} by rule: ${why}`),
  );
  return lines.length > 0 ? ["index errors excused by general rules", ...lines] : [];
}

/**
 * The report as lines: the figures per field against the index, then self-consistency, then samples of misses.
 * @example formatFidelity(report, "cablegate").join("\n")
 */
export function formatFidelity(report: FidelityReport, title: string): string[] {
  const agreement = Object.entries(report.agreement) as [AgreementField, FieldFigures][];
  const consistency = Object.entries(report.consistency) as [ConsistencyField, FieldFigures][];
  const failures = report.failures.map((m) => `  ${m.file}: ${m.found}`);
  return [
    `${title}: ${report.cables} cables, ${(report.bytes / 1024 / 1024).toFixed(2)} MB`,
    "agreement with index.jsonl",
    ...agreement.map(([field, f]) => fieldLine(field, f)),
    "self-consistency",
    ...consistency.map(([field, f]) => fieldLine(field, f)),
    ...(failures.length > 0 ? ["parser failures", ...failures] : []),
    ...setAsideSection(consistency),
    ...excusedLines(agreement),
    "misses (a sample of each)",
    ...[...agreement, ...consistency].flatMap(([field, f]) => sampleLines(field, f)),
  ];
}
