// Sites: headquarters and posts as separate nodes. The names, the plan of which site serves which station, and the
// subjects, streams and consumers their copies travel by over NATS JetStream. Pure: the transport and the config
// generator both build from here.
import { PRECEDENCES, type Precedence } from "./precedence.ts";
import type { Role } from "./roles.ts";

/**
 * The role that watches the traffic between sites and re-sends or cancels a copy: the communicator's page, its API
 * and its live events all ask for it, so who may see the traffic is decided once.
 */
export const SITE_TRAFFIC_ROLE: Role = "communicator";

/** A site's name: upper-case letters and digits, as a station is written (`STATE`, `PANAMA`). */
export const SITE_NAME = /^[A-Z][A-Z0-9]{0,31}$/;

/** Whether `name` can name a site (it becomes a subject token, a stream and a JetStream domain). */
export function isSiteName(name: string): boolean {
  return SITE_NAME.test(name);
}

/** One site: its name and the stations (posts) its node serves; usually just the one of its name. */
export type Site = { name: string; stations: string[] };

/** The network as one node sees it: itself, headquarters, and every site. */
export type SitePlan = { here: string; hq: string; sites: Site[] };

/**
 * Reads a site list: names separated by commas, each optionally followed by `:` and the stations it serves
 * separated by `+`. The first site is headquarters unless `hq` names another. Throws a plain Error naming the bad
 * part; callers turn it into their own error.
 * @example parseSitePlan("PANAMA", "STATE,PANAMA,PARIS:PARIS+MARSEILLE").sites[2] // { name: "PARIS", stations: ["PARIS", "MARSEILLE"] }
 */
export function parseSitePlan(here: string, list: string, hq?: string): SitePlan {
  const sites: Site[] = [];
  for (const part of list
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name = "", stationList] = part.split(":");
    const siteName = name.trim().toUpperCase();
    if (!isSiteName(siteName)) throw new Error(`"${name}" is not a site name (letters and digits, a letter first)`);
    const stations = (stationList ?? siteName)
      .split("+")
      .map((s) => s.trim().toUpperCase())
      .filter(Boolean);
    if (sites.some((s) => s.name === siteName)) throw new Error(`site ${siteName} is listed twice`);
    sites.push({ name: siteName, stations: stations.length > 0 ? stations : [siteName] });
  }
  const head = (hq ?? sites[0]?.name ?? "").toUpperCase();
  const self = here.toUpperCase();
  if (!sites.some((s) => s.name === self)) sites.push({ name: self, stations: [self] });
  if (!sites.some((s) => s.name === head)) throw new Error(`headquarters ${head || "(none)"} is not in the site list`);
  return { here: self, hq: head, sites };
}

/**
 * The site whose node serves `station`: the site listing it, otherwise headquarters (which serves every post that
 * has no node of its own).
 * @example siteOfStation(plan, "PANAMA") // "PANAMA"
 * @example siteOfStation(plan, "OUAGADOUGOU") // "STATE"
 */
export function siteOfStation(plan: SitePlan, station: string | null): string {
  if (station !== null) {
    const upper = station.toUpperCase();
    for (const site of plan.sites) if (site.stations.includes(upper)) return site.name;
  }
  return plan.hq;
}

/** The one letter of each precedence in subjects and consumer names (the ACP-127 prosigns, N for NIACT). */
export const PRECEDENCE_LETTERS: Record<Precedence, string> = {
  FLASH: "Z",
  "NIACT IMMEDIATE": "N",
  IMMEDIATE: "O",
  PRIORITY: "P",
  ROUTINE: "R",
};

/** Subject of a copy from `from` to `to` at `precedence`: `cablegram.copy.PANAMA.STATE.N`. */
export function copySubject(to: string, from: string, precedence: Precedence): string {
  return `cablegram.copy.${to}.${from}.${PRECEDENCE_LETTERS[precedence]}`;
}

/** Subject of receipts `from` sends back to `to`: `cablegram.receipt.STATE.PANAMA`. */
export function receiptSubject(to: string, from: string): string {
  return `cablegram.receipt.${to}.${from}`;
}

/** Core NATS subject that tells `to` that `from` has just queued traffic for it (a wake-up, never the traffic). */
export function bellSubject(to: string, from: string): string {
  return `cablegram.bell.${to}.${from}`;
}

/** What a bell can say is waiting: copies of a precedence, or receipts. */
export type BellNews = Precedence | "receipts";

/**
 * A bell's body: what is waiting, so the site pulls those consumers alone (`O`, `Z,O`, `receipts`). A bell is a
 * hint and the beat pulls every consumer, so a bell lost or misread delays traffic, never loses it.
 * @example bellBody(["IMMEDIATE", "receipts"]) // "O,receipts"
 */
export function bellBody(news: Iterable<BellNews>): string {
  return [...new Set(news)].map((n) => (n === "receipts" ? n : PRECEDENCE_LETTERS[n])).join(",");
}

/**
 * What a bell's body says is waiting; null for an empty or unreadable body, which asks for every consumer (a bell
 * from a node that does not say).
 * @example readBellBody("O,receipts") // ["IMMEDIATE", "receipts"]
 */
export function readBellBody(body: string): BellNews[] | null {
  if (body === "") return null;
  const news: BellNews[] = [];
  for (const token of body.split(",")) {
    if (token === "receipts") news.push("receipts");
    else {
      const precedence = PRECEDENCES.find((p) => PRECEDENCE_LETTERS[p] === token);
      if (precedence === undefined) return null;
      news.push(precedence);
    }
  }
  return news;
}

/** The JetStream stream, in the site's own domain, holding what the site sends until the next station takes it. */
export function outboxStream(site: string): string {
  return `OUTBOX_${site}`;
}

/** The durable consumer on an origin's outbox that `destination` pulls its copies of one precedence from. */
export function copyConsumer(destination: string, precedence: Precedence): string {
  return `${destination}_${PRECEDENCE_LETTERS[precedence]}`;
}

/** The durable consumer on a site's outbox that `destination` pulls its receipts from. */
export function receiptConsumer(destination: string): string {
  return `${destination}_RECEIPTS`;
}

/** Every consumer name a site pulls from: one per precedence, then its receipts. */
export function consumersOf(site: string): string[] {
  return [...PRECEDENCES.map((p) => copyConsumer(site, p)), receiptConsumer(site)];
}

/**
 * The message id a copy is published with: a resend of the same copy is then a duplicate JetStream drops.
 * `attempt` > 0 marks a copy sent again on purpose (a restored destination asked for it).
 * @example copyMessageId("08STATE16245", "PANAMA") // "08STATE16245>PANAMA"
 */
export function copyMessageId(cableId: string, site: string, attempt = 0): string {
  return attempt > 0 ? `${cableId}>${site}#${attempt}` : `${cableId}>${site}`;
}

/** The reply-subject prefix of a site's NATS connection, so the hub lets only that site read its replies. */
export function inboxPrefixOf(site: string): string {
  return `_INBOX_${site}`;
}

/** Where a copy is on its way, in order; each later stage implies the earlier ones. */
export const COPY_STAGES = ["queued", "sent", "stored", "delivered", "acknowledged"] as const;
export type CopyStage = (typeof COPY_STAGES)[number];

/** Rank of a stage in COPY_STAGES: receipts only ever move a copy forward. */
export function stageRank(stage: CopyStage): number {
  return COPY_STAGES.indexOf(stage);
}

/**
 * The highest channel number `n` such that every copy numbered 1..n is held: what a destination tells its origin
 * after a restart, so the origin sends again what a restored database has lost.
 * @example contiguousHigh([1, 2, 3, 5]) // 3
 */
export function contiguousHigh(numbers: Iterable<number>): number {
  const held = new Set(numbers);
  let n = 0;
  while (held.has(n + 1)) n++;
  return n;
}
