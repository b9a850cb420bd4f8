// Every finding of the draft in one list, at the top of the form: the browser's live validation and the server's
// directory checks of the last save. Each names the field it concerns.
import type { Finding } from "../../../api/types.ts";
import { plural } from "../../../components/plural.ts";

type Props = { local: readonly Finding[]; server: readonly Finding[] };

const FIELD_NAMES: Record<string, string> = {
  from: "FROM",
  to: "TO",
  info: "INFO",
  exclusions: "XMT",
  classification: "Classification",
  caveats: "Caveats",
  classifiedBy: "Classified By",
  eo: "E.O.",
  tags: "TAGS",
  subject: "Subject",
  references: "REF",
  paragraphs: "Text",
  signers: "Signers",
  actionRequests: "Action requests",
};

/** Where a finding is, in the form's words: `TO 3`, `Text, block 2`. */
export function fieldName(path: Finding["path"]): string {
  const head = FIELD_NAMES[String(path[0])] ?? String(path[0] ?? "Draft");
  const index = typeof path[1] === "number" ? path[1] + 1 : null;
  if (index === null) return head;
  return path[0] === "paragraphs" ? `${head}, block ${index}` : `${head} ${index}`;
}

export function FindingsSummary({ local, server }: Props) {
  const all = [...local, ...server];
  const errors = all.filter((f) => f.severity === "error").length;
  const warnings = all.length - errors;
  return (
    <section className="findings-summary" aria-labelledby="findings-title">
      <h2 id="findings-title">
        Checks{" "}
        <span role="status" className={errors > 0 ? "count count-error" : "count count-ok"}>
          {errors === 0 && warnings === 0
            ? "no findings"
            : [errors > 0 ? plural(errors, "error") : null, warnings > 0 ? plural(warnings, "warning") : null]
                .filter((x) => x)
                .join(", ")}
        </span>
      </h2>
      {all.length > 0 && (
        <ul className="findings">
          {local.map((f, i) => (
            <li key={`l${i}`} className={f.severity}>
              <strong>{fieldName(f.path)}:</strong> {f.message}
            </li>
          ))}
          {server.map((f, i) => (
            <li key={`s${i}`} className={f.severity}>
              <strong>{fieldName(f.path)}:</strong> {f.message} <span className="muted">(directory, at last save)</span>
              {f.hint && <span className="finding-hint"> — {f.hint}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
