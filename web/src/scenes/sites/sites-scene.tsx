// The communicator's page: traffic to the other sites, site by site. What is held (queued here, or in transit
// while a link is down), late against its precedence's handling objective, or refused by the link, each copy with
// its hops and times, with Re-send and Cancel; below, what arrived there lately. Follows the traffic as it moves:
// the node's `site.traffic` events (copies sent, refused, stored, delivered, acknowledged, arrived, re-sent,
// cancelled; the link up or down) and releases each fetch it again, coalesced, and no timer polls.
import { useEffect, useState } from "react";
import { PRECEDENCES } from "../../../../src/core/index.ts";
import type { SiteTraffic } from "../../api/types.ts";
import { plural } from "../../components/plural.ts";
import { Loading, Problem } from "../../components/problem.tsx";
import { useApi } from "../../stores/use-api.ts";
import { useEvents } from "../../stores/use-events.ts";
import { CopyItem } from "./components/copy-item.tsx";
import { groupBySite } from "./site-groups.ts";
import "./sites.css";

/** What the page follows: every move of the traffic, and releases (which queue copies). */
const TRAFFIC_EVENTS = ["site.traffic", "cable.released"] as const;
/** The longest delay a browser's setTimeout keeps; a longer one would fire at once. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

export function SitesScene() {
  const traffic = useApi<SiteTraffic>("/api/sites/traffic");
  const [said, setSaid] = useState("");
  const { refresh } = traffic;
  useEvents(TRAFFIC_EVENTS, refresh, refresh);
  const data = traffic.data;
  // A copy turns late with time alone, and nothing sends an event then: one timer, set for the moment the server
  // says the next copy will be late, fetches the page again then.
  const nextLateInMs = data?.nextLateInMs ?? null;
  useEffect(() => {
    if (nextLateInMs === null) return;
    const timer = setTimeout(refresh, Math.min(nextLateInMs, LONGEST_TIMER_MS));
    return () => clearTimeout(timer);
  }, [data, nextLateInMs, refresh]);

  const done = (message: string) => {
    setSaid(message);
    refresh();
  };
  return (
    <section className="sites-scene" aria-labelledby="sites-title">
      <h1 id="sites-title">Traffic to other sites</h1>
      <Problem error={traffic.error} />
      {!data && traffic.loading && <Loading what="Loading the traffic" />}
      {data && (
        <>
          <p className="sites-status">
            {data.here === null ? (
              <>This node is the one-node system: it sends nothing to other sites.</>
            ) : (
              <>
                This node is <strong>{data.here}</strong>
                {data.connected !== null && (
                  <>
                    ; its link is{" "}
                    <strong className={data.connected ? "status-reported" : "status-overdue"}>
                      {data.connected ? "up" : "down"}
                    </strong>
                  </>
                )}
                . Objectives to the inbox:{" "}
                {PRECEDENCES.map((p) => `${p} ${data.objectiveMinutes[p] ?? "?"} min`).join(", ")}.
              </>
            )}
          </p>
          <p role="status" aria-live="polite" className="sites-said">
            {said}
          </p>
          {groupBySite(data).map((group) => (
            <section key={group.site} className="card site-group" aria-labelledby={`site-${group.site}`}>
              <h2 id={`site-${group.site}`}>
                {group.site}{" "}
                <span className="muted small">
                  {plural(group.held, "copy", "copies")} held, {group.late} late, {group.refused} refused
                </span>
              </h2>
              {group.attention.length === 0 ? (
                <p className="muted">Nothing held, late or refused.</p>
              ) : (
                <ul className="site-copies" aria-label={`Held, late or refused to ${group.site}`}>
                  {group.attention.map((copy) => (
                    <CopyItem
                      key={copy.id}
                      copy={copy}
                      objectiveMinutes={data.objectiveMinutes[copy.precedence]}
                      onDone={done}
                    />
                  ))}
                </ul>
              )}
              {group.arrived.length > 0 && (
                <details open>
                  <summary>{plural(group.arrived.length, "copy", "copies")} arrived lately</summary>
                  <ul className="site-copies" aria-label={`Arrived at ${group.site}`}>
                    {group.arrived.map((copy) => (
                      <CopyItem key={copy.id} copy={copy} objectiveMinutes={data.objectiveMinutes[copy.precedence]} />
                    ))}
                  </ul>
                </details>
              )}
            </section>
          ))}
        </>
      )}
    </section>
  );
}
