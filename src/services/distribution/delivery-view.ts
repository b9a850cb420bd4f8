// A delivery as inboxes, the API and events show it.
import type { Selectable } from "kysely";
import type { DeliveriesTable } from "../../store/tables/distribution.ts";

/** One inbox item. */
export type DeliveryView = {
  id: string;
  cableId: string;
  subject: string | null;
  classification: string | null;
  post: string;
  /** The office it was slugged to; null for the post's own copy. */
  office: string | null;
  role: "action" | "info";
  precedence: string;
  deliveredAt: string | null;
  /**
   * When the handling-time objective runs out; after it, an unacknowledged delivery is escalated. Null for a copy
   * slugged to an office: the post's copy it came from is the one escalated.
   */
  dueAt: string | null;
  read: boolean;
  readAt: string | null;
  acknowledged: boolean;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  escalated: boolean;
  sluggedFrom: string | null;
  /** Offices the cited cables ask replies to be slugged for: `["IO/UNP"]`. */
  routingHint: string[];
};

/** The row a view is made from: the delivery and its cable's subject and classification. */
export type DeliveryRow = Selectable<DeliveriesTable> & { subject: string | null; classification: string | null };

/**
 * The view of a delivery row.
 * @example deliveryView(row).acknowledged // false
 */
export function deliveryView(r: DeliveryRow): DeliveryView {
  return {
    id: r.id,
    cableId: r.cable_id,
    subject: r.subject,
    classification: r.classification,
    post: r.post,
    office: r.office === "" ? null : r.office,
    role: r.role,
    precedence: r.precedence,
    deliveredAt: r.delivered_at,
    dueAt: r.due_at,
    read: r.read_at !== null,
    readAt: r.read_at,
    acknowledged: r.acked_at !== null,
    acknowledgedAt: r.acked_at,
    acknowledgedBy: r.acked_by,
    escalated: r.escalated_at !== null,
    sluggedFrom: r.slugged_from,
    routingHint: r.routing_hint ? (JSON.parse(r.routing_hint) as string[]) : [],
  };
}
