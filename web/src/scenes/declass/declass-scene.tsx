// The declassification schedule for archivists, reviewers and administrators: how many cables are due for review by a day and
// how many overdue, by classification and by origin (each a filter of the list), and the due cables oldest first,
// each with its review date and reason. The server counts only cables the user may read.
import { useState } from "react";
import { Link } from "react-router";
import { SCHEDULE_ROLES, maySeeSchedule } from "../../../../src/core/declass/schedule-roles.ts";
import { query } from "../../api/client.ts";
import type { DueList } from "../../api/types.ts";
import { Loading, Problem } from "../../components/problem.tsx";
import { RoleRequired } from "../../components/role-required.tsx";
import { useUser } from "../../stores/session.tsx";
import { useApi } from "../../stores/use-api.ts";
import { DueCounts } from "./components/due-counts.tsx";
import "./declass.css";

const PAGE = 50;

/** The page, or for a user without a schedule role, which role it needs. */
export function DeclassScene() {
  const user = useUser();
  if (!maySeeSchedule(user)) {
    return (
      <RoleRequired role={SCHEDULE_ROLES[0]!} what="The declassification schedule">
        {null}
      </RoleRequired>
    );
  }
  return <Schedule />;
}

type Filter = { field: "origin" | "classification"; value: string } | null;

function Schedule() {
  const [before, setBefore] = useState("");
  const [filter, setFilter] = useState<Filter>(null);
  const [shown, setShown] = useState(PAGE);
  const params = {
    before: before || undefined,
    origin: filter?.field === "origin" ? filter.value : undefined,
    classification: filter?.field === "classification" ? filter.value : undefined,
    limit: shown,
  };
  const list = useApi<DueList>(`/api/declass/due${query(params)}`);
  const data = list.data;
  const choose = (next: Filter) => {
    setShown(PAGE);
    setFilter(next && filter && next.field === filter.field && next.value === filter.value ? null : next);
  };
  return (
    <div className="declass-scene">
      <h1>Declassification schedule</h1>
      <div className="toolbar" role="search" aria-label="Which review dates">
        <label>
          Due before
          <input type="date" value={before} onChange={(e) => (setShown(PAGE), setBefore(e.target.value))} />
        </label>
        {filter && (
          <button type="button" onClick={() => choose(null)}>
            Show every {filter.field} (now {filter.value})
          </button>
        )}
      </div>
      <Problem error={list.error} />
      {list.loading && !data && <Loading what="Loading the due list" />}
      {data && (
        <>
          <p className="declass-totals" aria-live="polite">
            <span className="declass-total">
              <strong>{data.due.toLocaleString("en-US")}</strong> due before {data.before}
            </span>
            <span className="declass-total status-overdue">
              <strong>{data.overdue.toLocaleString("en-US")}</strong> overdue on {data.today}
            </span>
          </p>
          <div className="declass-counts">
            <DueCounts
              title="By classification"
              counts={data.byClassification}
              field="classification"
              filter={filter}
              onChoose={choose}
            />
            <DueCounts title="By origin" counts={data.byOrigin} field="origin" filter={filter} onChoose={choose} />
          </div>
          <h2>{filter ? `Due cables, ${filter.field} ${filter.value}` : "Due cables"}, oldest review date first</h2>
          {data.cables.length === 0 ? (
            <p className="card muted">No cable you may read is due before {data.before}.</p>
          ) : (
            <ol className="declass-list" aria-label="Due cables">
              {data.cables.map((c) => (
                <li key={c.id} className="card">
                  <div className="declass-line">
                    <span className={c.status === "overdue" ? "status-overdue" : undefined}>
                      {c.reviewOn} {c.status}
                    </span>
                    <Link to={`/cables/${encodeURIComponent(c.id)}`} className="mono">
                      {c.id}
                    </Link>
                    <span className="class-tag">{c.classification ?? "UNKNOWN"}</span>
                    <span className="muted">{c.origin}</span>
                  </div>
                  <div className="declass-subject">{c.subject ?? "(no subject)"}</div>
                  <div className="small muted">{c.reason}</div>
                </li>
              ))}
            </ol>
          )}
          {data.listed > data.cables.length && (
            <button type="button" onClick={() => setShown((n) => n + PAGE)}>
              Show {Math.min(PAGE, data.listed - data.cables.length)} more of {data.listed.toLocaleString("en-US")}
            </button>
          )}
        </>
      )}
    </div>
  );
}
