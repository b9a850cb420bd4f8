// The draft's life so far: created, changed, clearance asked, cleared or objected, by whom and when.
import type { Draft } from "../../../api/types.ts";
import { shortTime } from "../../../components/format-time.ts";
import { plural } from "../../../components/plural.ts";

type Props = { history: Draft["history"] };

const ACTION_WORDS: Record<string, string> = {
  "draft.create": "created the draft",
  "draft.update": "changed the draft",
  "draft.discard": "discarded the draft",
  "draft.submit": "submitted it for approval",
  "cable.release": "released the cable",
  "clearance.request": "asked for clearance",
};

export function DraftHistory({ history }: Props) {
  return (
    <section className="card draft-history" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      {history.length === 0 ? (
        <p className="muted small">Nothing yet.</p>
      ) : (
        <ol className="side-list">
          {history.map((h, i) => (
            <li key={i}>
              <span className="muted small">{shortTime(h.at)}</span> <strong>{h.username ?? "system"}</strong>{" "}
              {h.action === "clearance.decide" ? decisionWords(h.detail) : (ACTION_WORDS[h.action] ?? h.action)}
              {describe(h.detail)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function decisionWords(detail: Record<string, unknown> | null): string {
  return detail?.decision === "objected" ? "objected" : "cleared";
}

function describe(detail: Record<string, unknown> | null): string {
  if (!detail) return "";
  if (typeof detail.clearer === "string") return ` (${detail.clearer})`;
  if (typeof detail.comment === "string" && detail.comment) return `: “${detail.comment}”`;
  if (typeof detail.clearancesReset === "number" && detail.clearancesReset > 0)
    return ` (${plural(detail.clearancesReset, "clearance")} to give again)`;
  return "";
}
