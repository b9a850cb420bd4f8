// My drafts: the drafts I am writing, with where each stands (saved or submitted for approval, clearances given,
// pending and objected to, each objection's comment) and its last change; kept fresh by the live draft events.
import { Link } from "react-router";
import { segment } from "../../api/client.ts";
import type { MyDraft } from "../../api/types.ts";
import { shortTime } from "../../components/format-time.ts";
import { plural } from "../../components/plural.ts";
import { Loading, Problem } from "../../components/problem.tsx";
import { useApi } from "../../stores/use-api.ts";
import { useEvents } from "../../stores/use-events.ts";
import { EmailSetting } from "./email-setting.tsx";

/** The steps of a draft's life in words. */
const STEP_WORDS: Record<string, string> = {
  "draft.create": "created",
  "draft.update": "edited",
  "draft.submit": "submitted",
  "clearance.request": "clearance asked",
  "clearance.decide": "clearance decided",
};

export function MyDraftsScene() {
  const drafts = useApi<MyDraft[]>("/api/mine/drafts");
  useEvents(["notification", "draft.updated", "draft.submitted"], drafts.reload, drafts.reload);
  return (
    <>
      <h1>My drafts</h1>
      <Problem error={drafts.error} />
      {drafts.loading && !drafts.data && <Loading what="Loading your drafts" />}
      {drafts.data?.length === 0 && (
        <p className="card muted">
          No drafts in progress. <Link to="/compose">Compose a cable</Link>.
        </p>
      )}
      {drafts.data && drafts.data.length > 0 && (
        <ul className="mine-list" aria-label="My drafts">
          {drafts.data.map((d) => (
            <li key={d.id} className="card" data-status={d.status}>
              <Link to={`/drafts/${segment(d.id)}`} className="mine-subject">
                {d.subject ?? "(no subject)"}
              </Link>
              <span className="muted small"> {d.classification ?? "unclassified"}</span>
              <p className="mine-status">
                <span className={`tag status-${d.status}`}>
                  {d.status === "submitted" ? `submitted ${shortTime(d.submittedAt)}` : "draft"}
                </span>{" "}
                {d.clearances.length === 0 ? (
                  <span className="muted">no clearances asked</span>
                ) : (
                  <span>
                    clearances: {d.counts.cleared} given, {d.counts.pending} pending
                    {d.counts.objected > 0 && (
                      <strong className="status-overdue">, {plural(d.counts.objected, "objection")}</strong>
                    )}
                  </span>
                )}
              </p>
              {d.clearances
                .filter((c) => c.status === "objected")
                .map((c) => (
                  <p key={c.clearer} className="mine-objection">
                    {c.clearer} objects: {c.comment}
                  </p>
                ))}
              <p className="muted small">
                Last change: {STEP_WORDS[d.lastChange.action] ?? d.lastChange.action}
                {d.lastChange.by ? ` by ${d.lastChange.by}` : ""}, {shortTime(d.lastChange.at)}
              </p>
            </li>
          ))}
        </ul>
      )}
      <EmailSetting />
    </>
  );
}
