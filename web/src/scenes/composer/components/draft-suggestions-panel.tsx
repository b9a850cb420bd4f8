// The positions the draft's saved text suggests ("can be counted on to support", "opposition ... might emerge"),
// read by the server at each save. Nothing is recorded from them: the drafter takes one into the position report
// (recorded when the cable is released, with it as source) or dismisses it.
import { useEffect, useState } from "react";
import { api, ApiError, segment } from "../../../api/client.ts";
import type { DraftSuggestion } from "../../../api/types.ts";
import { Problem } from "../../../components/problem.tsx";
import "../../../components/suggestion-list.css";
import { useApi } from "../../../stores/use-api.ts";

type Props = {
  draftId: string;
  /** The saved revision: the suggestions are read again when it changes. */
  revision: number;
  /** Whether the user may change the draft (take a suggestion into its report, or dismiss one). */
  editable: boolean;
  onUse: (suggestion: DraftSuggestion) => void;
};

const STANCE_WORDS: Record<DraftSuggestion["stance"], string> = {
  supports: "supports",
  opposes: "opposes",
  recognizes: "recognizes",
  does_not_recognize: "does not recognize",
  abstains: "abstains",
};

export function DraftSuggestionsPanel({ draftId, revision, editable, onUse }: Props) {
  const suggestions = useApi<DraftSuggestion[]>(`/api/drafts/${segment(draftId)}/suggestions`);
  const reload = suggestions.reload;
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  useEffect(() => reload(), [revision, reload]);
  // A server without the endpoint, or a draft with nothing to suggest: no panel.
  const open = (suggestions.data ?? []).filter((s) => s.status === "open");
  if (open.length === 0 && !error) return null;

  const dismiss = (s: DraftSuggestion) => {
    setBusy(s.id);
    setError(null);
    api("POST", `/api/suggestions/${segment(s.id)}/dismiss`)
      .then(() => reload())
      .catch((e: unknown) => setError(e instanceof ApiError ? e : new ApiError(0, "UNKNOWN", String(e), {})))
      .finally(() => setBusy(null));
  };

  return (
    <section className="card draft-suggestions" aria-labelledby="draft-suggestions-heading">
      <h2 id="draft-suggestions-heading">Positions your text suggests</h2>
      <p className="muted small">Read from the text as last saved. None is recorded unless you take it.</p>
      <Problem error={error} />
      <ul className="suggestion-list">
        {open.map((s) => (
          <li key={s.id}>
            <p>
              <strong>{s.countryName}</strong> {s.hedged ? "might be against" : STANCE_WORDS[s.stance]} — ¶{s.paragraph}
            </p>
            <blockquote>{s.sentence}</blockquote>
            {editable && (
              <div className="suggestion-actions">
                <button type="button" onClick={() => onUse(s)}>
                  Use {s.countryName} in the position report
                </button>
                <button type="button" disabled={busy === s.id} onClick={() => dismiss(s)}>
                  Dismiss {s.countryName}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
