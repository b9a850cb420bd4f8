// The communicator's traffic, site by site: what needs attention there (held, late or refused, each copy once,
// most urgent first, as the API orders them) and what arrived there lately. Pure, for the page and its tests.
import type { SiteTraffic, TrackedCopy } from "../../api/types.ts";

/** One destination site's traffic as the page shows it. */
export type SiteGroup = {
  site: string;
  /** Copies held, late or refused, each once. */
  attention: TrackedCopy[];
  held: number;
  late: number;
  refused: number;
  /** Copies that reached the site's inbox, newest first. */
  arrived: TrackedCopy[];
};

/**
 * Groups the traffic by destination site: every site of the network, then any other a copy names, in that order.
 * @example groupBySite({ sites: ["PANAMA"], held: [copy], late: [], refused: [], recent: [] })[0].held // 1
 */
export function groupBySite(traffic: Pick<SiteTraffic, "sites" | "held" | "late" | "refused" | "recent">): SiteGroup[] {
  const groups = new Map<string, SiteGroup>();
  const groupOf = (site: string) => {
    let group = groups.get(site);
    if (!group) {
      group = { site, attention: [], held: 0, late: 0, refused: 0, arrived: [] };
      groups.set(site, group);
    }
    return group;
  };
  for (const site of traffic.sites) groupOf(site);
  const seen = new Set<string>();
  for (const [list, key] of [
    [traffic.held, "held"],
    [traffic.late, "late"],
    [traffic.refused, "refused"],
  ] as const) {
    for (const copy of list) {
      const group = groupOf(copy.site);
      group[key]++;
      if (seen.has(copy.id)) continue;
      seen.add(copy.id);
      group.attention.push(copy);
    }
  }
  for (const copy of traffic.recent) groupOf(copy.site).arrived.push(copy);
  return [...groups.values()];
}

/** Where a copy is, in a few words. */
export const STATE_WORDS: Record<TrackedCopy["state"], string> = {
  queued: "queued here",
  sent: "in transit",
  stored: "stored there",
  delivered: "in the inbox",
  acknowledged: "acknowledged",
  cancelled: "cancelled",
};
