// Table types for sites (migrations 0025, 0035, 0036): the node's plan, the copies it sends to other sites, and the
// copies it has received. Owned by src/services/sites.

/** One site of the network as this node knows it; empty on a one-node system. */
export interface SitesTable {
  name: string;
  /** 1 for headquarters. */
  hq: number;
  /** 1 for the site this node is. */
  here: number;
  /** JSON array of the stations the site's node serves: `["PANAMA"]`. */
  stations: string;
}

/**
 * One copy of a cable for one other site: the cross-site outbox, written `queued` in the release transaction, and
 * the tracking of where the copy is. Receipts from the destination fill in the later times.
 */
export interface SiteCopiesTable {
  id: string;
  cable_id: string;
  /** The destination site. */
  site: string;
  /** Channel number: the n-th copy this node sent that site, so a restored destination can say what it lacks. */
  seq: number;
  /** The highest precedence among the destination's addressees. */
  precedence: string;
  rank: number;
  state: "queued" | "sent" | "stored" | "delivered" | "acknowledged" | "cancelled";
  /** How often it was sent again on purpose (the message id changes with it). */
  attempt: number;
  queued_at: string;
  sent_at: string | null;
  stored_at: string | null;
  delivered_at: string | null;
  acked_at: string | null;
  acked_by: string | null;
  cancelled_at: string | null;
  cancelled_by: string | null;
  /** Why the last sending failed (the link down); cleared when sent. */
  last_error: string | null;
}

/** What a copy carries: JSON of the cable, its action requests, origin and channel number (migration 0036). */
export interface SiteCopyPayloadsTable {
  copy_id: string;
  payload: string;
}

/** A copy this node received from another site, stored once. */
export interface SiteArrivalsTable {
  cable_id: string;
  origin: string;
  seq: number;
  precedence: string;
  stored_at: string;
  /** Order of arrival on this node (1, 2, ...): what the precedence-order tests read. */
  arrival: number;
  /** The last stage reported back to the origin: stored, delivered or acknowledged. */
  reported: string;
  /** JSON of the action requests the copy carried (migration 0035), given back to an origin that lost the release. */
  action_requests: string | null;
}

/**
 * Whether a site this node sends to has answered its latest hello (migration 0035): until it has, new copies to it
 * wait, because the channel numbers that site already holds are not yet known here.
 */
export interface SiteResyncsTable {
  site: string;
  /** The channel number to the site when the hello was made: copies numbered above it were queued since. */
  sent: number;
  asked_at: string;
  /** Releases on this node wait for the answer until then, so they are numbered past releases it gives back. */
  releases_wait_until: string;
  /** Null while the answer is awaited. */
  answered_at: string | null;
}

export interface SiteTables {
  sites: SitesTable;
  site_copies: SiteCopiesTable;
  site_copy_payloads: SiteCopyPayloadsTable;
  site_arrivals: SiteArrivalsTable;
  site_resyncs: SiteResyncsTable;
}
