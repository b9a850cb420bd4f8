// Whether the form is saved: "Saved 14:02", "Unsaved changes", "Saving…", announced politely to screen readers.
import { shortTime } from "../../../components/format-time.ts";

type Props = { saving: boolean; dirty: boolean; savedAt: string | null; stored: boolean };

export function SaveStatus({ saving, dirty, savedAt, stored }: Props) {
  const text = saving
    ? "Saving…"
    : dirty
      ? stored
        ? "Unsaved changes"
        : "Not saved yet"
      : stored
        ? `Saved${savedAt ? ` ${shortTime(savedAt)}` : ""}`
        : "New draft";
  return (
    <span role="status" aria-live="polite" className={`save-status${dirty ? " save-dirty" : " save-clean"}`}>
      {text}
    </span>
  );
}
