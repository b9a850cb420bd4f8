// Open NIACT and FLASH alerts for the user's post, under the header on every page, until acknowledged: a duty
// officer must not miss one, whatever page they are on; and where the post has nobody on duty, everyone there reads
// that nobody was alerted.
import { useCallback } from "react";
import { Link } from "react-router";
import { api, query } from "../api/client.ts";
import type { Alert } from "../api/types.ts";
import { useApi } from "../stores/use-api.ts";
import { useEvents } from "../stores/use-events.ts";
import { useUser } from "../stores/session.tsx";
import { PrecedenceBadge } from "./precedence-badge.tsx";

export function AlertStrip() {
  const user = useUser();
  const alerts = useApi<{ items: Alert[] }>(user.post ? `/api/alerts${query({ post: user.post, open: true })}` : null);
  const reload = alerts.reload;
  useEvents(["alert.raised", "delivery.acknowledged"], reload, reload);
  const acknowledge = useCallback(
    async (id: string) => {
      await api("POST", `/api/alerts/${encodeURIComponent(id)}/ack`);
      reload();
    },
    [reload],
  );
  const open = alerts.data?.items ?? [];
  if (open.length === 0) return null;
  return (
    <section className="alert-strip" aria-label="Duty officer alerts" role="alert">
      {open.map((a) => (
        <div key={a.id} className="alert-item">
          <PrecedenceBadge precedence={a.precedence} />
          <span>
            {a.post}: <Link to={`/cables/${encodeURIComponent(a.cableId)}`}>{a.cableId}</Link>
          </span>
          {a.outcome === "no_duty_officer" && <span>No duty officer on the roster: nobody was alerted.</span>}
          <button type="button" onClick={() => void acknowledge(a.id)}>
            Acknowledge alert
          </button>
        </div>
      ))}
    </section>
  );
}
