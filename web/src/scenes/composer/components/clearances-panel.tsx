// The draft's clearances: who was asked, whether release waits for them, their decision and comment; a form to
// ask an office (IO/UNP) or a person; for a clearer asked again, what changed since their last decision; and, for
// the user's own pending clearance, the decision itself.
import { useId, useState } from "react";
import { api, segment } from "../../../api/client.ts";
import type { Clearance, User } from "../../../api/types.ts";
import { ChangesSince } from "../../../components/changes-since.tsx";
import { shortTime } from "../../../components/format-time.ts";
import { Problem } from "../../../components/problem.tsx";
import { ClearanceDecision } from "../../queue/components/clearance-decision.tsx";

type Props = {
  draftId: string | null;
  clearances: readonly Clearance[];
  user: User;
  /** The user may ask for clearances (a drafter of the draft's post). */
  mayRequest: boolean;
  /** Why a request cannot be made now (unsaved draft), or null. */
  requestBlocked: string | null;
  subject: string;
  onChanged: () => void;
};

const STATUS_TONE: Record<Clearance["status"], string> = { requested: "muted", cleared: "ok", objected: "danger" };

export function ClearancesPanel({ draftId, clearances, user, mayRequest, requestBlocked, subject, onChanged }: Props) {
  const id = useId();
  const [clearer, setClearer] = useState("");
  const [required, setRequired] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function request() {
    if (!draftId || clearer.trim() === "") return;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const made = await api<Clearance>("POST", `/api/drafts/${segment(draftId)}/clearances`, {
        clearer: clearer.trim().toUpperCase().includes("/") ? clearer.trim().toUpperCase() : clearer.trim(),
        required,
      });
      setDone(`Clearance requested from ${made.clearer}.`);
      setClearer("");
      onChanged();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  }

  const mine = (c: Clearance) =>
    c.status === "requested" &&
    (c.kind === "user" ? c.clearer === user.username : user.offices.some((o) => o.toUpperCase() === c.clearer));

  return (
    <section className="card clearances-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Clearances</h2>
      {clearances.length === 0 ? (
        <p className="muted small">No clearance requested yet.</p>
      ) : (
        <ul className="clearance-list">
          {clearances.map((c) => (
            <li key={c.id}>
              <div className="clearance-line">
                <strong className="mono">{c.clearer}</strong>
                <span className={`badge badge-${STATUS_TONE[c.status]}`}>{c.status}</span>
                {!c.required && <span className="muted small">optional</span>}
              </div>
              <div className="muted small">
                {c.decidedBy
                  ? `${c.status} by ${c.decidedBy}, ${shortTime(c.decidedAt)}`
                  : `asked by ${c.requestedBy}, ${shortTime(c.requestedAt)}`}
              </div>
              {c.comment && <blockquote className="clearance-comment">{c.comment}</blockquote>}
              {c.sinceLastDecision && <ChangesSince last={c.sinceLastDecision} who={mine(c) ? "you" : c.clearer} />}
              {draftId && mine(c) && (
                <ClearanceDecision
                  draftId={draftId}
                  clearanceId={c.id}
                  what={subject || "this draft"}
                  onDecided={onChanged}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {mayRequest && (
        <form
          className="clearance-request"
          onSubmit={(e) => {
            e.preventDefault();
            void request();
          }}
        >
          <label htmlFor={`${id}-clearer`}>Clearer (office or username)</label>
          <div className="field-row">
            <input
              id={`${id}-clearer`}
              className="grow"
              value={clearer}
              placeholder="e.g. IO/UNP"
              onChange={(e) => setClearer(e.target.value)}
              disabled={requestBlocked !== null}
            />
            <button type="submit" disabled={busy || requestBlocked !== null || clearer.trim() === ""}>
              Request clearance
            </button>
          </div>
          <label className="checkbox">
            <input type="checkbox" checked={required} onChange={(e) => setRequired(e.target.checked)} />
            Release waits for it
          </label>
          {requestBlocked && <p className="muted small">{requestBlocked}</p>}
          {done && (
            <p className="notice" role="status">
              {done}
            </p>
          )}
          <Problem error={error} />
        </form>
      )}
    </section>
  );
}
