// Deliveries as inboxes show them.
import { z } from "zod";

/** A delivery as inboxes show it. */
export const DeliverySchema = z
  .object({
    id: z.string(),
    cableId: z.string(),
    subject: z.string().nullable(),
    classification: z.string().nullable(),
    post: z.string(),
    office: z.string().nullable(),
    role: z.enum(["action", "info"]),
    precedence: z.string(),
    deliveredAt: z.string().nullable(),
    dueAt: z.string().nullable(),
    read: z.boolean(),
    readAt: z.string().nullable(),
    acknowledged: z.boolean(),
    acknowledgedAt: z.string().nullable(),
    acknowledgedBy: z.string().nullable(),
    escalated: z.boolean(),
    sluggedFrom: z.string().nullable(),
    routingHint: z.array(z.string()),
  })
  .meta({ id: "Delivery" });
