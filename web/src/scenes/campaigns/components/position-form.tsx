// Records a position event (POST /api/campaigns/:id/positions): country by name, position from the question's
// scale, effective date, confidence and a source. The server's problem answers are shown as they come, by field.
import { useMemo, useState, type FormEvent } from "react";
import { CONFIDENCES, type Confidence, type EventSource } from "../../../../../src/core/campaigns/position-event.ts";
import type { Question } from "../../../../../src/core/campaigns/question.ts";
import { COUNTRIES } from "../../../../../src/core/countries/iso-countries.ts";
import { api, ApiError, segment } from "../../../api/client.ts";
import type { NewPosition } from "../../../api/types.ts";
import { Problem } from "../../../components/problem.tsx";

type Props = {
  campaignId: string;
  questions: readonly Question[];
  defaultDate: string;
  onRecorded: () => void;
};

type SourceKind = EventSource["kind"];

const SOURCE_LABELS: Record<SourceKind, string> = {
  cable: "Cable id",
  un_document: "UN document symbol",
  text: "Source (web address or text)",
};

function sourceOf(kind: SourceKind, value: string): EventSource {
  const text = value.trim();
  if (kind === "cable") return { kind, cableId: text.replace(/\s+/g, "").toUpperCase() };
  if (kind === "un_document") return { kind, symbol: text };
  return { kind, text };
}

export function PositionForm({ campaignId, questions, defaultDate, onRecorded }: Props) {
  const byName = useMemo(() => [...COUNTRIES].sort((a, b) => a.name.localeCompare(b.name)), []);
  const [questionId, setQuestionId] = useState(questions[0]?.id ?? "");
  const question = questions.find((q) => q.id === questionId) ?? questions[0];
  const [country, setCountry] = useState("");
  const [position, setPosition] = useState("");
  // Follows the page's as-of day until the person types a date of his own.
  const [ownDate, setOwnDate] = useState<string | null>(null);
  const effectiveOn = ownDate ?? defaultDate;
  const [confidence, setConfidence] = useState<Confidence>("reported");
  const [sourceKind, setSourceKind] = useState<SourceKind>("cable");
  const [sourceValue, setSourceValue] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: NewPosition = {
      questionId,
      country,
      position: position || (question?.positions[0]?.code ?? ""),
      effectiveOn,
      confidence,
      sources: sourceValue.trim() === "" ? [] : [sourceOf(sourceKind, sourceValue)],
      note: note.trim() === "" ? null : note.trim(),
    };
    setSaving(true);
    setError(null);
    setDone(null);
    api("POST", `/api/campaigns/${segment(campaignId)}/positions`, body)
      .then(() => {
        const name = COUNTRIES.find((c) => c.iso2 === country)?.name ?? country;
        setDone(`Recorded: ${name}, ${body.position}, from ${effectiveOn}.`);
        setSourceValue("");
        setNote("");
        onRecorded();
      })
      .catch((e: unknown) => setError(e instanceof ApiError ? e : new ApiError(0, "UNKNOWN", String(e), {})))
      .finally(() => setSaving(false));
  };

  return (
    <form className="card position-form" onSubmit={submit} aria-labelledby="position-form-heading">
      <h2 id="position-form-heading">Record a position</h2>
      {questions.length > 1 && (
        <label>
          Question
          <select value={questionId} onChange={(e) => setQuestionId(e.target.value)}>
            {questions.map((q) => (
              <option key={q.id} value={q.id}>
                {q.title}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        Country
        <select value={country} onChange={(e) => setCountry(e.target.value)} required>
          <option value="">Choose a country…</option>
          {byName.map((c) => (
            <option key={c.iso2} value={c.iso2}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Position
        <select value={position} onChange={(e) => setPosition(e.target.value)}>
          {question?.positions.map((p) => (
            <option key={p.code} value={p.code}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Effective date
        <input type="date" value={effectiveOn} onChange={(e) => setOwnDate(e.target.value)} required />
      </label>
      <label>
        Confidence
        <select value={confidence} onChange={(e) => setConfidence(e.target.value as Confidence)}>
          {CONFIDENCES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>Source</legend>
        <label>
          Kind
          <select value={sourceKind} onChange={(e) => setSourceKind(e.target.value as SourceKind)}>
            <option value="cable">a cable</option>
            <option value="un_document">a UN document</option>
            <option value="text">other (web address, text)</option>
          </select>
        </label>
        <label>
          {SOURCE_LABELS[sourceKind]}
          <input value={sourceValue} onChange={(e) => setSourceValue(e.target.value)} />
        </label>
      </fieldset>
      <label>
        Note
        <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} />
      </label>
      <p className="field-hint muted">
        The event takes the classification and caveats of its source cables; a correction is recorded as a new event.
      </p>
      <Problem error={error} />
      {done && (
        <p className="notice" role="status">
          {done}
        </p>
      )}
      <button type="submit" className="primary" disabled={saving}>
        {saving ? "Recording…" : "Record position"}
      </button>
    </form>
  );
}
