// Clearing or objecting to a draft, inline: a comment and two buttons. An objection needs a comment (the server
// says so too); the comment goes on record with the decision.
import { useId, useState } from "react";
import { api, segment } from "../../../api/client.ts";
import type { Clearance } from "../../../api/types.ts";
import { Problem } from "../../../components/problem.tsx";

type Props = {
  draftId: string;
  clearanceId: string;
  /** What is being cleared, for the accessible names of the controls: the subject. */
  what: string;
  onDecided: (clearance: Clearance) => void;
};

export function ClearanceDecision({ draftId, clearanceId, what, onDecided }: Props) {
  const id = useId();
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [needComment, setNeedComment] = useState(false);

  async function decide(decision: "clear" | "object") {
    if (decision === "object" && comment.trim() === "") {
      setNeedComment(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const decided = await api<Clearance>(
        "POST",
        `/api/drafts/${segment(draftId)}/clearances/${segment(clearanceId)}`,
        {
          decision,
          comment: comment.trim() === "" ? null : comment.trim(),
        },
      );
      setComment("");
      onDecided(decided);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="clearance-decision">
      <label htmlFor={`${id}-comment`} className="visually-hidden">
        Comment on {what}
      </label>
      <textarea
        id={`${id}-comment`}
        rows={2}
        placeholder="Comment (needed to object)"
        value={comment}
        aria-invalid={needComment && comment.trim() === ""}
        aria-describedby={needComment ? `${id}-need` : undefined}
        onChange={(e) => {
          setComment(e.target.value);
          setNeedComment(false);
        }}
      />
      {needComment && (
        <p id={`${id}-need`} className="field-error" role="alert">
          Say why you object: an objection needs a comment.
        </p>
      )}
      <div className="button-row">
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => void decide("clear")}
          aria-label={`Clear ${what}`}
        >
          Clear
        </button>
        <button
          type="button"
          className="danger"
          disabled={busy}
          onClick={() => void decide("object")}
          aria-label={`Object to ${what}`}
        >
          Object
        </button>
      </div>
      <Problem error={error} />
    </div>
  );
}
