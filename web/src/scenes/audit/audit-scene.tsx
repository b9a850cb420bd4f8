// The audit log for administrators and archivists: who did what to which cable or record, and when, newest first,
// narrowed by user, action (or an action prefix such as `cable.`) and date.
import { useState } from "react";
import { query } from "../../api/client.ts";
import type { AuditEntry } from "../../api/types.ts";
import { shortTime } from "../../components/format-time.ts";
import { Loading, Problem } from "../../components/problem.tsx";
import { useApi } from "../../stores/use-api.ts";

export function AuditScene() {
  const [user, setUser] = useState("");
  const [action, setAction] = useState("");
  const [since, setSince] = useState("");
  const entries = useApi<AuditEntry[]>(
    `/api/audit${query({ user: user.trim(), action: action.trim(), since, limit: 200 })}`,
  );
  return (
    <>
      <h1>Audit log</h1>
      <div className="toolbar" role="search" aria-label="Filter the audit log">
        <label>
          User
          <input value={user} onChange={(e) => setUser(e.target.value)} placeholder="a username" />
        </label>
        <label>
          Action
          <input value={action} onChange={(e) => setAction(e.target.value)} placeholder="cable.read, or cable." />
        </label>
        <label>
          Since
          <input type="date" value={since} onChange={(e) => setSince(e.target.value)} />
        </label>
      </div>
      <Problem error={entries.error} />
      {entries.loading && !entries.data && <Loading what="Loading the audit log" />}
      {entries.data && entries.data.length === 0 && <p className="card muted">No entries match.</p>}
      {entries.data && entries.data.length > 0 && (
        <table aria-label="Audit entries" className="audit-entries">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">User</th>
              <th scope="col">Action</th>
              <th scope="col">Target</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {entries.data.map((e) => (
              <tr key={e.id}>
                <td>{shortTime(e.at)}</td>
                <td>{e.username ?? <span className="muted">system</span>}</td>
                <td className="mono">{e.action}</td>
                <td className="mono">{e.target}</td>
                <td className="small audit-detail">
                  {e.resultCount !== null && `${e.resultCount.toLocaleString("en-US")} results. `}
                  {e.detail ? JSON.stringify(e.detail) : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
