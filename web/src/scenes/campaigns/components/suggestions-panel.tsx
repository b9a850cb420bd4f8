// Positions suggested by the text of cables and of drafts, for a person to confirm (record, with the cable as
// source) or dismiss. A draft's is confirmed once the draft is released. Shown only when the server offers
// suggestions: a 404 from the suggestions endpoint leaves the panel out.
import { useState } from "react";
import { Link } from "react-router";
import { api, ApiError, segment } from "../../../api/client.ts";
import type { PositionSuggestion } from "../../../api/types.ts";
import { Problem } from "../../../components/problem.tsx";
import "../../../components/suggestion-list.css";
import { useApi } from "../../../stores/use-api.ts";

type Props = { campaignId: string; onDecided: () => void };

/** The suggestions of an answer that is a list, or an object holding the list under `items`. */
function listOf(answer: PositionSuggestion[] | { items: PositionSuggestion[] } | undefined): PositionSuggestion[] {
  if (answer === undefined) return [];
  return Array.isArray(answer) ? answer : answer.items;
}

export function SuggestionsPanel({ campaignId, onDecided }: Props) {
  const suggestions = useApi<PositionSuggestion[] | { items: PositionSuggestion[] }>(
    `/api/campaigns/${segment(campaignId)}/suggestions`,
  );
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  if (suggestions.error?.status === 404 || (suggestions.data === undefined && !suggestions.error)) return null;
  const open = listOf(suggestions.data).filter((s) => s.status === "open");

  const decide = (suggestion: PositionSuggestion, verb: "confirm" | "dismiss") => {
    setBusy(suggestion.id);
    setError(null);
    const body = verb === "confirm" ? { campaignId, questionId: suggestion.questionId } : undefined;
    api("POST", `/api/suggestions/${segment(suggestion.id)}/${verb}`, body)
      .then(() => {
        suggestions.reload();
        if (verb === "confirm") onDecided();
      })
      .catch((e: unknown) => setError(e instanceof ApiError ? e : new ApiError(0, "UNKNOWN", String(e), {})))
      .finally(() => setBusy(null));
  };

  return (
    <section className="card suggestions" aria-labelledby="suggestions-heading">
      <h2 id="suggestions-heading">Suggested from cables</h2>
      <Problem error={suggestions.error ?? error} />
      {open.length === 0 ? (
        <p className="muted">No suggestion waits for a decision.</p>
      ) : (
        <ul className="suggestion-list">
          {open.map((s) => (
            <li key={s.id}>
              <p>
                <strong>{s.countryName}</strong>: {s.position.replaceAll("_", " ")} —{" "}
                {s.cableId !== null ? (
                  <Link to={`/cables/${segment(s.cableId)}#p${s.paragraph}`}>
                    {s.cableId} ¶{s.paragraph}
                  </Link>
                ) : (
                  <Link to={`/drafts/${segment(s.draftId ?? "")}`}>a draft, not yet released</Link>
                )}
              </p>
              <blockquote>{s.sentence}</blockquote>
              <div className="suggestion-actions">
                {s.cableId !== null ? (
                  <button type="button" disabled={busy === s.id} onClick={() => decide(s, "confirm")}>
                    Confirm {s.countryName}
                  </button>
                ) : (
                  <span className="muted small">Confirmed once the draft is released.</span>
                )}
                <button type="button" disabled={busy === s.id} onClick={() => decide(s, "dismiss")}>
                  Dismiss {s.countryName}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
