// A communicator's Re-send and Cancel on one copy: Re-send while the copy is not yet stored at its destination,
// Cancel while it is still queued here; the server decides again and says why when it refuses.
import { useState } from "react";
import { api, segment } from "../../../api/client.ts";
import type { CopyCommandResult, TrackedCopy } from "../../../api/types.ts";
import { Problem } from "../../../components/problem.tsx";

type Props = { copy: TrackedCopy; onDone: (message: string) => void };

export function CopyCommands({ copy, onDone }: Props) {
  const [busy, setBusy] = useState<"resend" | "cancel" | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const mayResend = copy.state === "queued" || copy.state === "sent";
  const mayCancel = copy.state === "queued";
  if (!mayResend && !mayCancel) return null;

  async function run(verb: "resend" | "cancel") {
    setBusy(verb);
    setError(null);
    try {
      await api<CopyCommandResult>("POST", `/api/sites/copies/${segment(copy.id)}/${verb}`);
      onDone(
        verb === "resend"
          ? `${copy.cableId} to ${copy.site} queued to be sent again.`
          : `${copy.cableId} to ${copy.site} cancelled.`,
      );
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(null);
    }
  }
  const what = `${copy.cableId} to ${copy.site}`;
  return (
    <div className="copy-commands">
      {mayResend && (
        <button
          type="button"
          onClick={() => void run("resend")}
          disabled={busy !== null}
          aria-label={`Re-send ${what}`}
        >
          {busy === "resend" ? "Re-sending…" : "Re-send"}
        </button>
      )}
      {mayCancel && (
        <button
          type="button"
          className="danger"
          onClick={() => void run("cancel")}
          disabled={busy !== null}
          aria-label={`Cancel ${what}`}
        >
          {busy === "cancel" ? "Cancelling…" : "Cancel"}
        </button>
      )}
      <Problem error={error} />
    </div>
  );
}
