// Counts of action posts by status, as badges: pending, acknowledged, reported, overdue.
import type { ActionDashboard } from "../../../api/types.ts";

type Props = { summary: ActionDashboard["summary"] };

export function StatusSummary({ summary }: Props) {
  return (
    <p className="status-summary" role="status" aria-label="Action posts by status">
      <span className="badge badge-ok">{summary.reported} reported</span>{" "}
      <span className="badge badge-info">{summary.acknowledged} acknowledged</span>{" "}
      <span className="badge badge-muted">{summary.pending} pending</span>{" "}
      <span className={`badge ${summary.overdue > 0 ? "badge-danger" : "badge-muted"}`}>{summary.overdue} overdue</span>
    </p>
  );
}
