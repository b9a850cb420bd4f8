// One action post's rows on the dashboard: its status, and each task with its deadline and how it was answered;
// the post's own people (and communicators) mark an open task done.
import { Link } from "react-router";
import type { ActionDashboard } from "../../../api/types.ts";
import { shortTime } from "../../../components/format-time.ts";
import { hasRole, useUser } from "../../../stores/session.tsx";
import { MarkDone } from "./mark-done.tsx";

type Props = { post: ActionDashboard["posts"][number]; onChanged: () => void };

export function PostTasks({ post, onChanged }: Props) {
  const user = useUser();
  // As markTaskDone decides: someone of the tasked post, or a communicator (administrators hold every role).
  const mayMarkDone = hasRole(user, "communicator") || (user.post !== null && user.post === post.station);
  return (
    <>
      {post.tasks.map((task, i) => (
        <tr key={task.id} data-post={post.station ?? post.post}>
          {i === 0 && (
            <>
              <th scope="row" rowSpan={post.tasks.length}>
                {post.post}
              </th>
              <td rowSpan={post.tasks.length}>
                <span className={`status-${post.status}`}>{post.status}</span>
              </td>
            </>
          )}
          <td>{task.what}</td>
          <td className={task.status === "overdue" ? "status-overdue" : undefined}>{shortTime(task.due)}</td>
          <td>
            {task.reportedBy ? (
              <>
                <Link to={`/cables/${encodeURIComponent(task.reportedBy)}`} className="mono">
                  {task.reportedBy}
                </Link>
                <span className="muted small"> {shortTime(task.reportedAt)}</span>
              </>
            ) : task.doneAt ? (
              <span>
                done by {task.doneBy}: <q>{task.note}</q>
              </span>
            ) : task.acknowledged ? (
              <span className="muted">acknowledged, no reply yet</span>
            ) : (
              <span className="muted">—</span>
            )}
            {!task.reportedBy && !task.doneAt && mayMarkDone && (
              <MarkDone taskId={task.id} what={`${post.post}: ${task.what}`} onDone={onChanged} />
            )}
          </td>
        </tr>
      ))}
    </>
  );
}
