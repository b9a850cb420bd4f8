// The action dashboard of a tasking cable: each action post by status (overdue first, then pending,
// acknowledged, reported), its tasks with their deadlines, and links to the cables that answered them.
// Refreshes itself as posts acknowledge and reply; a post's people mark a task done with a note. Below the summary,
// the duty officer alerts of the cable.
import { Link, useParams } from "react-router";
import { segment } from "../../api/client.ts";
import type { ActionDashboard } from "../../api/types.ts";
import { CableAlerts } from "../../components/cable-alerts.tsx";
import { Loading, Problem } from "../../components/problem.tsx";
import { useApi } from "../../stores/use-api.ts";
import { useEvents } from "../../stores/use-events.ts";
import { PostTasks } from "./components/post-tasks.tsx";
import { StatusSummary } from "./components/status-summary.tsx";

const ORDER = ["overdue", "pending", "acknowledged", "reported"];

export function ActionsScene() {
  const { id = "" } = useParams();
  const dashboard = useApi<ActionDashboard>(`/api/cables/${segment(id)}/actions`);
  useEvents(["cable.released", "delivery.acknowledged"], dashboard.reload, dashboard.reload);

  if (dashboard.error) {
    return (
      <>
        <h1>Action dashboard</h1>
        <Problem error={dashboard.error} />
      </>
    );
  }
  if (!dashboard.data) return <Loading what="Loading the action dashboard" />;
  const { posts, summary } = dashboard.data;
  const sorted = [...posts].sort(
    (a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status) || a.post.localeCompare(b.post),
  );
  return (
    <>
      <h1>
        Action dashboard:{" "}
        <Link to={`/cables/${segment(id)}`} className="mono">
          {id}
        </Link>
      </h1>
      <StatusSummary summary={summary} />
      {/* The dashboard is opened after release, when the alerts are raised: it follows their events only. */}
      <CableAlerts cableId={id} expectAlerts={false} />
      {posts.length === 0 ? (
        <p className="card muted">This cable carries no action requests.</p>
      ) : (
        <table aria-label="Action posts" className="action-posts">
          <thead>
            <tr>
              <th scope="col">Post</th>
              <th scope="col">Status</th>
              <th scope="col">Task</th>
              <th scope="col">Due</th>
              <th scope="col">Response</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((p) => (
              <PostTasks key={p.post} post={p} onChanged={dashboard.reload} />
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
