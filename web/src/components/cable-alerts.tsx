// A cable's NIACT and FLASH alerts to duty officers, on the reader and the action dashboard: who was alerted at each
// action post, when, and who acknowledged; above them, in red, the posts where the alert reached nobody because no
// duty officer was on the roster. Followed live; alert events go to the posts alerted, so while alerts are expected
// and not all raised yet (the dispatcher raises them as the copies are delivered), the list is also read again.
import { useEffect } from "react";
import { query } from "../api/client.ts";
import type { Alert } from "../api/types.ts";
import { useApi } from "../stores/use-api.ts";
import { useEvents } from "../stores/use-events.ts";
import { shortTime } from "./format-time.ts";
import { plural } from "./plural.ts";

type Props = {
  cableId: string;
  /** The cable alerts duty officers (NIACT or FLASH to an action post): the list is read until they are raised. */
  expectAlerts: boolean;
};

const RECHECK_MS = 5_000;

const ALERT_EVENTS = ["alert.raised", "alert.acknowledged", "delivery.acknowledged"] as const;

/** Who an alert went to, in words. */
function alerted(a: Alert): string {
  if (a.outcome === "no_duty_officer") return "nobody (no duty officer on the roster)";
  if (a.outcome === "pending") return "not sent yet";
  return a.officerName ?? "the post's duty mailbox or webhook";
}

export function CableAlerts({ cableId, expectAlerts }: Props) {
  const alerts = useApi<{ items: Alert[] }>(`/api/alerts${query({ cable: cableId })}`);
  const reload = alerts.reload;
  useEvents(
    ALERT_EVENTS,
    (event) => {
      if (event.cableId === cableId) reload();
    },
    reload,
  );
  const items = [...(alerts.data?.items ?? [])].sort((a, b) => a.post.localeCompare(b.post));
  const waiting = expectAlerts && (items.length === 0 || items.some((a) => a.outcome === "pending"));
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(reload, RECHECK_MS);
    return () => clearInterval(timer);
  }, [waiting, reload]);
  if (items.length === 0) return null;
  const nobody = items.filter((a) => a.outcome === "no_duty_officer" && !a.acknowledged);
  return (
    <section className="card cable-alerts" aria-labelledby="cable-alerts-title">
      <h2 id="cable-alerts-title">Duty officer alerts</h2>
      {nobody.length > 0 && (
        <p className="problem" role="alert">
          The alert reached nobody at {plural(nobody.length, "post")}: {nobody.map((a) => a.post).join(", ")}. No duty
          officer is on their roster; it goes to whoever is put on duty.
        </p>
      )}
      <ul className="cable-alerts-list">
        {items.map((a) => (
          <li key={a.id} className={a.outcome === "no_duty_officer" ? "alert-nobody" : undefined}>
            <strong>{a.post}</strong>: alerted {alerted(a)}, {shortTime(a.lastSentAt ?? a.createdAt)};{" "}
            {a.acknowledged
              ? `acknowledged by ${a.acknowledgedBy ?? "someone"}, ${shortTime(a.acknowledgedAt)}`
              : "not acknowledged yet"}
          </li>
        ))}
      </ul>
    </section>
  );
}
