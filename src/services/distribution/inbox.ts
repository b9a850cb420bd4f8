// Inboxes: a post's or an office's delivered cables, newest or most urgent first, filtered, and only what the reader
// may read.
import { sql } from "kysely";
import { isPrecedence } from "../../core/index.ts";
import { readableBy, type Reader } from "../access/index.ts";
import { postName } from "../alerts/alert-views.ts";
import type { Deps } from "../clock.ts";
import { compiledQueries } from "../../store/compiled-queries.ts";
import { DELIVERY_VIEW_COLUMNS, deliveryView, type DeliveryView, type DeliveryViewRow } from "./delivery-view.ts";

export type InboxFilter = {
  /** A post by PLAD or station; default the reader's home post (every readable delivery when they have none). */
  post?: string | null;
  /** An office code: its slugged and addressed copies, at the post asked for (default the reader's home post). */
  office?: string | null;
  precedence?: string | null;
  role?: "action" | "info" | null;
  /** Only unread (true) or only read (false). */
  unread?: boolean | null;
  /** Only unacknowledged (true) or only acknowledged (false). */
  unacknowledged?: boolean | null;
  /** `newest` first (the default), or `precedence`: the most urgent first, newest first within each. */
  sort?: InboxSort | null;
  limit?: number;
};

/** The inbox's orders: as received, or as a duty officer works through it. */
export const INBOX_SORTS = ["newest", "precedence"] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];

/**
 * The inbox: delivered copies (not those still queued) on cables `reader` may read, newest first or (`sort:
 * "precedence"`) the most urgent first. A post's inbox
 * holds the copies released to it; copies a communicator slugged to its offices are in those offices' inboxes.
 * @example await listInbox(deps, reader, { post: "PANAMA", precedence: "NIACT IMMEDIATE", unread: true })
 */
export async function listInbox(deps: Deps, reader: Reader, filter: InboxFilter = {}): Promise<DeliveryView[]> {
  // Offices are keyed per post: an office inbox is that office's at the post, not every post's POL.
  const postRef = filter.post ?? reader.post;
  const post = postRef ? await postName(deps, postRef) : null;
  // Everything the query is built from: the same people ask for the same inbox again and again.
  const key = JSON.stringify([reader, post, filter]);
  const { rows } = await inboxQueries(deps.store.db, key, (db) => {
    let query = db
      .selectFrom("deliveries as d")
      .innerJoin("cables as c", "c.id", "d.cable_id")
      .select(DELIVERY_VIEW_COLUMNS.map((column) => `d.${column}` as const))
      .select(["c.subject", "c.classification"])
      .where("d.state", "=", "delivered")
      // Always true of a delivered copy; it lets the planner use the inbox index, which holds delivered copies only.
      .where("d.delivered_at", "is not", null)
      .where(readableBy(reader, "c"));
    if (post !== null) query = query.where("d.post", "=", post);
    if (filter.office) query = query.where("d.office", "=", filter.office.trim().toUpperCase());
    else if (postRef) query = query.where("d.slugged_from", "is", null);
    if (filter.precedence) {
      const p = filter.precedence.trim().toUpperCase().replace(/\s+/g, " ");
      query = query.where("d.precedence", "=", isPrecedence(p) ? p : filter.precedence);
    }
    if (filter.role) query = query.where("d.role", "=", filter.role);
    if (filter.unread === true) query = query.where("d.read_at", "is", null);
    if (filter.unread === false) query = query.where("d.read_at", "is not", null);
    if (filter.unacknowledged === true) query = query.where("d.acked_at", "is", null);
    if (filter.unacknowledged === false) query = query.where("d.acked_at", "is not", null);
    const ordered =
      filter.sort === "precedence"
        ? query.orderBy("d.rank").orderBy("d.delivered_at", "desc")
        : query.orderBy("d.delivered_at", "desc").orderBy("d.rank");
    return ordered.orderBy(sql`d.id`).limit(Math.min(Math.max(filter.limit ?? 200, 1), 1000));
  });
  return rows.map(deliveryView);
}

const inboxQueries = compiledQueries<DeliveryViewRow>();
