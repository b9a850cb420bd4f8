// Marking a post's task done when the answer came other than by cable (delivered orally, say): a note says how.
import { useState, type FormEvent } from "react";
import { api, segment } from "../../../api/client.ts";
import { Problem } from "../../../components/problem.tsx";

type Props = { taskId: string; what: string; onDone: () => void };

export function MarkDone({ taskId, what, onDone }: Props) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const [error, setError] = useState<Error | null>(null);

  if (!open) {
    return (
      <button type="button" className="link-button" onClick={() => setOpen(true)}>
        Mark done…
      </button>
    );
  }
  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await api("POST", `/api/tasks/${segment(taskId)}/done`, { note });
      setOpen(false);
      onDone();
    } catch (e) {
      setError(e as Error);
    }
  }
  return (
    <form className="mark-done" onSubmit={(e) => void submit(e)} aria-label={`Mark done: ${what}`}>
      <label>
        How it was done
        <input value={note} onChange={(e) => setNote(e.target.value)} required maxLength={2000} />
      </label>
      <Problem error={error} />
      <button type="submit" disabled={note.trim() === ""}>
        Mark done
      </button>
      <button type="button" className="link-button" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </form>
  );
}
