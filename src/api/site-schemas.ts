// Schemas of message tracking between sites (GET /api/sites/traffic, GET /api/cables/:id/tracking).
import { z } from "zod";

/** One copy of a cable to another site and the times it reached each stage. */
export const TrackedCopySchema = z
  .object({
    id: z.string(),
    cableId: z.string(),
    site: z.string().describe("The destination site"),
    precedence: z.string(),
    state: z.enum(["queued", "sent", "stored", "delivered", "acknowledged", "cancelled"]),
    queuedAt: z.string().describe("Queued at the origin, in the release transaction"),
    sentAt: z.string().nullable().describe("In transit: in the origin's JetStream outbox"),
    storedAt: z.string().nullable().describe("Stored at the destination"),
    deliveredAt: z.string().nullable().describe("Delivered to the destination's inbox"),
    ackedAt: z.string().nullable().describe("Acknowledged by a person there"),
    ackedBy: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    lastError: z.string().nullable().describe("Why the last sending failed; null once sent"),
    late: z.boolean().describe("Past its precedence's handling objective without reaching the inbox"),
  })
  .meta({ id: "TrackedCopy" });

export const SiteTrafficSchema = z.object({
  held: z.array(TrackedCopySchema),
  late: z.array(TrackedCopySchema),
  refused: z.array(TrackedCopySchema),
});
