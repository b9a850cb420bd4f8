// The action requests a cable carries and where each action post stands, in brief; the dashboard has it all.
import { Link } from "react-router";
import type { ActionDashboard } from "../../../api/types.ts";
import { shortTime } from "../../../components/format-time.ts";
import { StatusSummary } from "../../actions/components/status-summary.tsx";

type Props = { dashboard: ActionDashboard };

export function ActionStatus({ dashboard }: Props) {
  const requests = [...new Map(dashboard.posts.flatMap((p) => p.tasks).map((t) => [t.what + t.due, t])).values()];
  return (
    <section className="card" aria-labelledby="action-requests">
      <h2 id="action-requests">Action requests</h2>
      <ul className="side-list">
        {requests.map((t) => (
          <li key={t.id}>
            {t.what} <span className="muted small">· due {shortTime(t.due)}</span>
          </li>
        ))}
      </ul>
      <StatusSummary summary={dashboard.summary} />
      <p>
        <Link to={`/cables/${encodeURIComponent(dashboard.cableId)}/actions`}>Open the action dashboard</Link>
      </p>
    </section>
  );
}
