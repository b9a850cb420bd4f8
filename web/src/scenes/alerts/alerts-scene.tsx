// Alerts to duty officers, post by post, with what became of each: sent (how often), nobody on the duty roster, or
// not yet due; and who acknowledged it when. Only alerts on cables the user may read are listed.
import { useState } from "react";
import { Link } from "react-router";
import { query, segment } from "../../api/client.ts";
import type { Alert } from "../../api/types.ts";
import { shortTime } from "../../components/format-time.ts";
import { plural } from "../../components/plural.ts";
import { Loading, Problem } from "../../components/problem.tsx";
import { useApi } from "../../stores/use-api.ts";
import { useEvents } from "../../stores/use-events.ts";

/** The outcome of an alert's sending, in words: the API's codes are for scripts. */
const OUTCOME_WORDS: Record<Alert["outcome"], string> = {
  pending: "not yet sent",
  sent: "sent to the duty officer",
  no_duty_officer: "nobody on the duty roster",
};

export function AlertsScene() {
  const [post, setPost] = useState("");
  const [openOnly, setOpenOnly] = useState(false);
  const alerts = useApi<{ items: Alert[] }>(`/api/alerts${query({ post: post.trim(), open: openOnly || null })}`);
  useEvents(["delivery.delivered", "delivery.acknowledged"], alerts.reload, alerts.reload);
  const byPost = new Map<string, Alert[]>();
  for (const a of alerts.data?.items ?? []) byPost.set(a.post, [...(byPost.get(a.post) ?? []), a]);

  return (
    <>
      <h1>Alerts</h1>
      <div className="toolbar">
        <label>
          Post
          <input value={post} onChange={(e) => setPost(e.target.value)} placeholder="a post or station" />
        </label>
        <label className="inline-check">
          <input type="checkbox" checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)} />
          Open only
        </label>
      </div>
      <Problem error={alerts.error} />
      {alerts.loading && !alerts.data && <Loading what="Loading alerts" />}
      {alerts.data && byPost.size === 0 && <p className="card muted">No alerts.</p>}
      {[...byPost].map(([name, list]) => (
        <section key={name}>
          <h2>
            {name} <span className="muted small">{plural(list.length, "alert")}</span>
          </h2>
          <table aria-label={`Alerts at ${name}`}>
            <thead>
              <tr>
                <th scope="col">Cable</th>
                <th scope="col">Alert</th>
                <th scope="col">Raised</th>
                <th scope="col">Outcome</th>
                <th scope="col">Acknowledged</th>
              </tr>
            </thead>
            <tbody>
              {list.map((a) => (
                <tr key={a.id} data-outcome={a.outcome}>
                  <td>
                    <Link to={`/cables/${segment(a.cableId)}`} className="mono">
                      {a.cableId}
                    </Link>
                  </td>
                  <td>
                    {a.precedence} {a.kind === "escalation" ? "escalation" : "delivery"}
                  </td>
                  <td>{shortTime(a.createdAt)}</td>
                  <td className={a.outcome === "no_duty_officer" ? "status-overdue" : undefined}>
                    {OUTCOME_WORDS[a.outcome]}
                    {a.outcome === "sent" && ` (${plural(a.attempts, "time")}, last ${shortTime(a.lastSentAt)})`}
                    {a.lastError && <span className="muted small"> last error: {a.lastError}</span>}
                  </td>
                  <td>
                    {a.acknowledged ? (
                      `${a.acknowledgedBy ?? "someone"}, ${shortTime(a.acknowledgedAt)}`
                    ) : (
                      <span className="muted">open</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
