// What changed in a draft since a clearer last cleared or objected to it: their decision, then the subject,
// addressees and TAGS added or removed, and the paragraphs as a line diff (added lines marked +, removed −), so
// that a clearer asked again reads the change rather than the whole cable.
import type { LastDecision } from "../api/types.ts";
import { shortTime } from "./format-time.ts";
import "./changes-since.css";

type Props = { last: LastDecision; who?: string };

export function ChangesSince({ last, who = "you" }: Props) {
  const { diff } = last;
  const verb = last.decision === "objected" ? "objected to" : "cleared";
  return (
    <section className="changes-since" aria-label="Changes since the last decision">
      <p className="small">
        <strong>Asked again.</strong> Since {who} {verb} it ({last.decidedBy}, {shortTime(last.decidedAt)})
        {last.comment ? <> with “{last.comment}”</> : null}
        {diff.changed ? ", this changed:" : ", nothing in the subject, addressees, TAGS or text changed."}
      </p>
      {diff.changed && (
        <dl className="changes-since-list">
          {diff.subject && (
            <>
              <dt>Subject</dt>
              <dd>
                <del>{diff.subject.before ?? "(none)"}</del> <ins>{diff.subject.after ?? "(none)"}</ins>
              </dd>
            </>
          )}
          <ListChanges what="Addressees" change={diff.addressees} />
          <ListChanges what="TAGS" change={diff.tags} />
          {diff.paragraphs.length > 0 && (
            <>
              <dt>Text</dt>
              <dd>
                <ol className="line-diff mono" aria-label="Paragraphs changed">
                  {diff.paragraphs.map((line, i) => (
                    <li key={i} className={`line-${line.op}`}>
                      <span aria-hidden="true">{line.op === "added" ? "+ " : line.op === "removed" ? "− " : "  "}</span>
                      {line.op === "added" ? (
                        <ins>{line.text}</ins>
                      ) : line.op === "removed" ? (
                        <del>{line.text}</del>
                      ) : (
                        line.text
                      )}
                    </li>
                  ))}
                </ol>
              </dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}

function ListChanges({ what, change }: { what: string; change: { added: string[]; removed: string[] } }) {
  if (change.added.length + change.removed.length === 0) return null;
  return (
    <>
      <dt>{what}</dt>
      <dd>
        {change.added.map((a) => (
          <ins key={`+${a}`} className="mono">
            {a}
          </ins>
        ))}
        {change.removed.map((r) => (
          <del key={`-${r}`} className="mono">
            {r}
          </del>
        ))}
      </dd>
    </>
  );
}
