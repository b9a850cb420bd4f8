// The campaign's taskings: per action post of a tasking cable tied to the question, whether it was tasked (the
// cable, the deadline), has reported (its reply) and whether its country's position was recorded since. Shown only
// when there is a tasking the reader may read; three narrow columns, so it fits a 375 px screen.
import { Link } from "react-router";
import { segment } from "../../../api/client.ts";
import type { Tasking } from "../../../api/types.ts";
import { useApi } from "../../../stores/use-api.ts";

type Props = { campaignId: string; questionId: string; labels: ReadonlyMap<string, string> };

const cableLink = (id: string) => <Link to={`/cables/${encodeURIComponent(id)}`}>{id}</Link>;

export function TaskingsTable({ campaignId, questionId, labels }: Props) {
  const taskings = useApi<Tasking[]>(`/api/campaigns/${segment(campaignId)}/taskings`);
  const rows = (taskings.data ?? []).filter((t) => t.questionId === questionId);
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="taskings-heading">
      <h2 id="taskings-heading">Taskings</h2>
      <table className="country-table taskings-table">
        <thead>
          <tr>
            <th scope="col">Post</th>
            <th scope="col">Tasked</th>
            <th scope="col">Answer</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((t) => (
            <tr key={t.taskId} data-status={t.status}>
              <th scope="row">
                {t.station ?? t.post}
                {t.countryName !== null && <span className="muted"> ({t.countryName})</span>}
              </th>
              <td>
                {cableLink(t.cableId)}, due {t.due.slice(0, 10)}
              </td>
              <td>
                {t.position !== null ? (
                  <>
                    Position recorded: {labels.get(t.position.position) ?? t.position.position} ({t.position.recordedOn}
                    )
                  </>
                ) : t.reportedAt !== null ? (
                  <>
                    Reported{t.reportedBy !== null ? <>: {cableLink(t.reportedBy)}</> : ` ${t.reportedAt.slice(0, 10)}`}
                  </>
                ) : (
                  "Tasked, no report yet"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
