// Release, for approvers: disabled with the reasons while the draft is not ready, and a confirmation step that says
// what release does (it numbers the cable and sends it; a released cable never changes) and, for a NIACT or FLASH
// cable, the action posts whose alert will reach nobody because no duty officer is on their roster.
import { useId, useState } from "react";
import { plural } from "../../../components/plural.ts";

type Props = {
  blockers: readonly string[];
  addressees: number;
  /** Action posts alerted (NIACT, FLASH) that have nobody on the duty roster. */
  unalerted: readonly string[];
  busy: boolean;
  onRelease: () => void;
};

export function ReleaseControl({ blockers, addressees, unalerted, busy, onRelease }: Props) {
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const blocked = blockers.length > 0;
  if (confirming && !blocked) {
    return (
      <div className="release-confirm" role="group" aria-labelledby={`${id}-q`}>
        <span id={`${id}-q`}>
          Release to {plural(addressees, "addressee")}? It is numbered and sent at once, and never changes after.
        </span>
        {unalerted.length > 0 && (
          <p className="problem release-unalerted" role="alert">
            The duty officer alert will reach nobody at {plural(unalerted.length, "post")}: {unalerted.join(", ")}. No
            duty officer is on their roster; ask an administrator to put one on duty.
          </p>
        )}
        <button type="button" className="primary" disabled={busy} onClick={onRelease} autoFocus>
          {busy ? "Releasing…" : "Confirm release"}
        </button>
        <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
          Cancel
        </button>
      </div>
    );
  }
  return (
    <div className="release-control">
      <button
        type="button"
        className="primary"
        disabled={blocked}
        aria-describedby={blocked ? `${id}-why` : undefined}
        onClick={() => setConfirming(true)}
      >
        Release
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
