// Who drafted, cleared and approved a cable released here, with times: each clearance with the office or person
// asked and every decision on it (an objection with its comment, then the clearance). Nothing for an archived cable.
import type { CableHistory } from "../../../api/types.ts";
import { shortTime } from "../../../components/format-time.ts";

type Props = { history: CableHistory | undefined };

export function CableHistoryCard({ history }: Props) {
  if (!history?.releasedHere) return null;
  return (
    <section className="card cable-history" aria-labelledby="cable-history">
      <h2 id="cable-history">Drafted, cleared, released</h2>
      <dl className="history-steps small">
        {history.drafted && (
          <>
            <dt>Drafted</dt>
            <dd>
              {history.drafted.by}, {shortTime(history.drafted.at)}
            </dd>
          </>
        )}
        <dt>Cleared</dt>
        <dd>
          {history.clearances.length === 0 ? (
            <span className="muted">no clearance asked</span>
          ) : (
            <ul className="side-list" aria-label="Clearances">
              {history.clearances.map((c, i) => (
                <li key={i}>
                  <strong className="mono">{c.clearer}</strong>
                  {c.kind === "office" ? " (office)" : ""}
                  {!c.required && <span className="muted"> · optional</span>}
                  {c.decisions.length === 0 && <div className="muted">not decided ({c.status})</div>}
                  {c.decisions.map((d, j) => (
                    <div key={j} className={d.decision === "objected" ? "history-objected" : undefined}>
                      {d.decision} by {d.by ?? "(unknown)"}, {shortTime(d.at)}
                      {d.comment ? <>: “{d.comment}”</> : null}
                    </div>
                  ))}
                </li>
              ))}
            </ul>
          )}
        </dd>
        {history.submitted && (
          <>
            <dt>Submitted</dt>
            <dd>
              {history.submitted.by}, {shortTime(history.submitted.at)}
            </dd>
          </>
        )}
        {history.released && (
          <>
            <dt>Approved and released</dt>
            <dd>
              {history.released.by}, {shortTime(history.released.at)}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
