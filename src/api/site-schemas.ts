// Schemas of message tracking between sites (GET /api/sites/traffic, GET /api/cables/:id/tracking, re-send and
// cancel).
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
    attempt: z.number().int().describe("How often it was sent again on purpose"),
    late: z.boolean().describe("Past its precedence's handling objective without reaching the inbox"),
    heldFor: z
      .enum(["resync"])
      .nullable()
      .describe("Why a queued copy is held here: resync while its site has not yet answered this node's hello"),
  })
  .meta({ id: "TrackedCopy" });

export const SiteTrafficSchema = z.object({
  here: z.string().nullable().describe("This node's site; null on a one-node system"),
  sites: z.array(z.string()).describe("The other sites this node sends to"),
  connected: z.boolean().nullable().describe("Whether this node reaches its NATS server now; null without a link"),
  objectiveMinutes: z.record(z.string(), z.number()).describe("The handling objective of each precedence"),
  held: z.array(TrackedCopySchema).describe("Not yet stored at the destination: queued here or in transit"),
  late: z.array(TrackedCopySchema).describe("Past the handling objective without reaching the destination's inbox"),
  refused: z.array(TrackedCopySchema).describe("Queued here, the link refused the last sending"),
  recent: z.array(TrackedCopySchema).describe("The copies that reached a destination's inbox most recently"),
  nextLateInMs: z
    .number()
    .int()
    .nullable()
    .describe(
      "Milliseconds from this answer until the next listed copy not yet late passes its objective (no event says " +
        "so); null when none is waiting",
    ),
});

/** The answer to a re-send or a cancel: the copy as it is now. */
export const CopyCommandSchema = z.object({ id: z.string(), state: z.string(), copy: TrackedCopySchema });
