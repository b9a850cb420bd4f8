// The communicator's page: traffic to the other sites, site by site. What is held (queued here, or in transit
// while a link is down), late against its precedence's handling objective, or refused by the link, each copy with
// its hops and times, with Re-send and Cancel; below, what arrived there lately. Refreshes itself every few
// seconds and on each release, as receipts come back from the other sites.
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

/** Seconds between refreshes: receipts from other sites raise no event here. */
const REFRESH_SECONDS = 5;

export function SitesScene() {
  const traffic = useApi<SiteTraffic>("/api/sites/traffic");
  const [said, setSaid] = useState("");
  useEvents(["cable.released"], traffic.reload);
  const { reload } = traffic;
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") reload();
    }, REFRESH_SECONDS * 1000);
    return () => clearInterval(timer);
  }, [reload]);

  const done = (message: string) => {
    setSaid(message);
    reload();
  };
  const data = traffic.data;
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
