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
 * The delivery columns a view reads: a list of many deliveries selects these rather than them all, since turning a
 * row's columns into JavaScript values costs more than finding the row.
 */
export const DELIVERY_VIEW_COLUMNS = [
  "id",
  "cable_id",
  "post",
  "office",
  "role",
  "precedence",
  "delivered_at",
  "due_at",
  "read_at",
  "acked_at",
  "acked_by",
  "escalated_at",
  "slugged_from",
  "routing_hint",
] as const satisfies readonly (keyof DeliveriesTable)[];

/** The part of a DeliveryRow a view is made from. */
export type DeliveryViewRow = Pick<DeliveryRow, (typeof DELIVERY_VIEW_COLUMNS)[number] | "subject" | "classification">;

/**
 * The view of a delivery row.
 * @example deliveryView(row).acknowledged // false
 */
export function deliveryView(r: DeliveryViewRow): DeliveryView {
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
