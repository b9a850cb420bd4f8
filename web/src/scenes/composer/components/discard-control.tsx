// Discard: a stored draft is discarded on the server (it stays on record); a new one is simply cleared. Asks first.
import { useState } from "react";

type Props = { stored: boolean; busy: boolean; onDiscard: () => void };

export function DiscardControl({ stored, busy, onDiscard }: Props) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" className="danger" disabled={busy} onClick={() => setConfirming(true)}>
        Discard
      </button>
    );
  }
  return (
    <span className="discard-confirm" role="group" aria-label="Confirm discard">
      {stored ? "Discard this draft?" : "Clear the form?"}
      <button type="button" className="danger" disabled={busy} onClick={onDiscard} autoFocus>
        {stored ? "Discard draft" : "Clear form"}
      </button>
      <button type="button" onClick={() => setConfirming(false)}>
        Keep
      </button>
    </span>
  );
}
