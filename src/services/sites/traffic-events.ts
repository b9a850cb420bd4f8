// Site traffic on the event bus, so the communicators' pages follow the copies instead of polling. A pass, a round
// of receipts and arrivals, a command or the link changing is told once, as counts per site and move: a catch-up of
// thousands of copies is a handful of events, never one per copy. Only those who may watch the traffic hear of it,
// by the rule GET /api/sites/traffic asks for; the counts name no cable, so no cable's access rule is at stake.
import { SITE_TRAFFIC_ROLE, type SiteTrafficMove, type SiteTrafficNews } from "../../core/index.ts";
import { hasRole } from "../../core/roles.ts";
import type { BusEvent, EventBus, Viewer } from "../events/event-bus.ts";

/**
 * Whether a signed-in viewer may hear of the traffic between sites: the role GET /api/sites/traffic requires.
 * @example mayWatchSiteTraffic({ user: comms, home: null }) // true for a communicator or an administrator
 */
export function mayWatchSiteTraffic(viewer: Viewer): boolean {
  return hasRole(viewer.user, SITE_TRAFFIC_ROLE);
}

/**
 * The `site.traffic` event telling `news`, for the communicators' eyes alone.
 * @example await bus.publish(siteTrafficEvent({ here: "STATE", counts: [], link: "down" }))
 */
export function siteTrafficEvent(news: SiteTrafficNews): BusEvent {
  return { type: "site.traffic", visibleTo: mayWatchSiteTraffic, data: news };
}

/** Counts the moves of a pass, to tell them once at its end. */
export type TrafficTally = {
  /** Adds `copies` copies to or from `site` that made `move` (nothing for zero). */
  add(site: string, move: SiteTrafficMove, copies: number): void;
  /** The counts so far, one entry per site and move, in the order first added. */
  counts(): SiteTrafficNews["counts"];
};

/**
 * An empty tally.
 * @example const moved = trafficTally(); moved.add("PANAMA", "sent", 3); moved.add("PANAMA", "sent", 2); moved.counts() // [{ site: "PANAMA", move: "sent", copies: 5 }]
 */
export function trafficTally(): TrafficTally {
  const counts = new Map<string, SiteTrafficNews["counts"][number]>();
  return {
    add(site, move, copies) {
      if (copies <= 0) return;
      const key = `${site}\u0000${move}`;
      const entry = counts.get(key);
      if (entry) entry.copies += copies;
      else counts.set(key, { site, move, copies });
    },
    counts: () => [...counts.values()],
  };
}

/**
 * Publishes what a tally counted (and the link, when it changed) as one `site.traffic` event; nothing when nothing
 * moved and the link stayed as it was, or when the node has no bus.
 * @example await tellSiteTraffic(bus, "STATE", moved.counts())
 */
export async function tellSiteTraffic(
  bus: EventBus | undefined,
  here: string,
  counts: SiteTrafficNews["counts"],
  link?: SiteTrafficNews["link"],
): Promise<void> {
  if (!bus || (counts.length === 0 && link === undefined)) return;
  await bus.publish(siteTrafficEvent({ here, counts, ...(link ? { link } : {}) }));
}
