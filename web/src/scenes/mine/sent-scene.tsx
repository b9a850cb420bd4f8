// Sent: the cables my drafts went out as, newest first, with precedence, addressees and date.
import { Link } from "react-router";
import { segment } from "../../api/client.ts";
import type { SentCable } from "../../api/types.ts";
import { dateTimeGroup } from "../../components/format-time.ts";
import { Loading, Problem } from "../../components/problem.tsx";
import { PrecedenceBadge } from "../../components/precedence-badge.tsx";
import { useApi } from "../../stores/use-api.ts";
import { useEvents } from "../../stores/use-events.ts";

export function SentScene() {
  const sent = useApi<SentCable[]>("/api/mine/sent");
  useEvents(["notification"], sent.reload, sent.reload);
  return (
    <>
      <h1>Sent</h1>
      <Problem error={sent.error} />
      {sent.loading && !sent.data && <Loading what="Loading your sent cables" />}
      {sent.data?.length === 0 && <p className="card muted">None of your drafts has been released yet.</p>}
      {sent.data && sent.data.length > 0 && (
        <ul className="mine-list" aria-label="Sent cables">
          {sent.data.map((c) => (
            <li key={c.id} className="card">
              <Link to={`/cables/${segment(c.id)}`} className="mine-subject">
                <span className="mono">{c.id}</span> {c.subject ?? "(no subject)"}
              </Link>
              <p className="mine-status">
                <PrecedenceBadge precedence={c.precedence} /> <span className="muted">{c.classification}</span>{" "}
                <time dateTime={c.releasedAt}>{dateTimeGroup(c.releasedAt)}</time>
                {c.releasedBy && <span className="muted"> released by {c.releasedBy}</span>}
                {c.supersedes && <span className="muted"> corrects {c.supersedes}</span>}
              </p>
              <p className="mine-addressees">
                <span className="muted">TO </span>
                {c.to.map((a) => a.name).join(", ")}
                {c.info.length > 0 && (
                  <>
                    <span className="muted"> INFO </span>
                    {c.info.map((a) => a.name).join(", ")}
                  </>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
