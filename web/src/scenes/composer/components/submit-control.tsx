// Submit for approval, for drafters: until then the draft is not in the approvers' queue. Disabled with the reasons
// while the draft is unsaved or has errors; once submitted, says when and by whom.
import { useId } from "react";
import { shortTime } from "../../../components/format-time.ts";

type Props = {
  submittedAt: string | null;
  submittedBy: string | null;
  blockers: readonly string[];
  busy: boolean;
  onSubmit: () => void;
};

export function SubmitControl({ submittedAt, submittedBy, blockers, busy, onSubmit }: Props) {
  const id = useId();
  if (submittedAt !== null) {
    return (
      <p className="submitted-note" role="status">
        Submitted for approval {shortTime(submittedAt)}
        {submittedBy ? ` by ${submittedBy}` : ""}; it is in the approvers&apos; queue.
      </p>
    );
  }
  const blocked = blockers.length > 0;
  return (
    <div className="release-control">
      <p className="muted small">Approvers see the draft in their queue once it is submitted.</p>
      <button
        type="button"
        className="primary"
        disabled={blocked || busy}
        aria-describedby={blocked ? `${id}-why` : undefined}
        onClick={onSubmit}
      >
        {busy ? "Submitting…" : "Submit for approval"}
      </button>
      {blocked && (
        <ul id={`${id}-why`} className="release-blockers">
          {blockers.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
