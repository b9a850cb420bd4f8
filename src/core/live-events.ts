// What the server tells open pages as it happens: one list giving the live event types and what each means, for the
// bus (which publishes them), the API description (which lists them) and the web app (which listens to them).

/** Every type of live event, in the order the API description lists them. */
export const LIVE_EVENT_TYPES = [
  "delivery.delivered",
  "delivery.read",
  "delivery.acknowledged",
  "delivery.escalated",
  "alert.raised",
  "alert.acknowledged",
  "draft.created",
  "draft.updated",
  "draft.submitted",
  "draft.discarded",
  "draft.clearance.requested",
  "draft.clearance.cleared",
  "draft.clearance.objected",
  "cable.released",
  "notification",
  "site.traffic",
] as const;
export type LiveEventType = (typeof LIVE_EVENT_TYPES)[number];

/** What each live event says, in the words of the API description. */
export const LIVE_EVENT_MEANINGS: Record<LiveEventType, string> = {
  "delivery.delivered": "a cable reached an inbox",
  "delivery.read": "a delivery was opened",
  "delivery.acknowledged": "a person acknowledged a delivery",
  "delivery.escalated": "a delivery passed its handling objective unacknowledged",
  "alert.raised": "an alert (NIACT, FLASH or escalation) went to a post's duty officer, or found nobody on duty",
  "alert.acknowledged": "a duty officer acknowledged an alert: it is sent no more",
  "draft.created": "a draft was saved for the first time",
  "draft.updated": "a draft was edited",
  "draft.submitted": "a draft was submitted for approval",
  "draft.discarded": "a draft was discarded",
  "draft.clearance.requested": "a clearance was asked on a draft",
  "draft.clearance.cleared": "a clearer cleared a draft",
  "draft.clearance.objected": "a clearer objected to a draft",
  "cable.released": "a draft went out as a cable",
  notification: "a notification for its user alone",
  "site.traffic":
    "copies to or from other sites moved (counts per site and move, never cable ids) or the site link went up " +
    "or down; for those who may watch the traffic (GET /api/sites/traffic) alone",
};

/**
 * How copies between sites moved at this node, as `site.traffic` counts them. `queued`: every copy waiting here for
 * the site, told when a release or a command queues more while the link is down (nothing is sent then to say so);
 * `requeued`: queued again because the site started from an older backup; `sent`: published to this node's outbox;
 * `refused`: the link refused them; `stored`, `delivered`, `acknowledged`: the site's receipts; `resent` and
 * `cancelled`: a communicator's commands; `arrived`: copies from the site stored here.
 */
export const SITE_TRAFFIC_MOVES = [
  "queued",
  "requeued",
  "sent",
  "refused",
  "stored",
  "delivered",
  "acknowledged",
  "resent",
  "cancelled",
  "arrived",
] as const;
export type SiteTrafficMove = (typeof SITE_TRAFFIC_MOVES)[number];

/** The data of a `site.traffic` event: how many copies made each move, per other site, and the link when it changed. */
export type SiteTrafficNews = {
  /** This node's site. */
  here: string;
  counts: { site: string; move: SiteTrafficMove; copies: number }[];
  /** Present when the link to the network went up or down. */
  link?: "up" | "down";
};
