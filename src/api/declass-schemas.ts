// Declassification review and the public reading room as the API shows them: decisions, released versions,
// withdrawal cards and the reading room's search results. The vocabularies are core's (declass-review.ts).
import { z } from "zod";
import { CableSchema, EXEMPTIONS, REVIEW_OUTCOMES } from "../core/index.ts";

const ExemptionSchema = z.enum(EXEMPTIONS);

/** What happens to one portion, the subject line or one TAGS entry. */
export const PortionDecisionSchema = z
  .discriminatedUnion("action", [
    z.object({ action: z.literal("release") }),
    z.object({ action: z.literal("withhold"), exemptions: z.array(ExemptionSchema).min(1).max(20) }),
    z.object({ action: z.literal("refer"), agency: z.string().trim().min(1).max(100) }),
  ])
  .meta({ id: "PortionDecision" });

/** A reviewer's decision on one cable (core/declass-review.ts ReviewDecision). */
export const ReviewDecisionSchema = z
  .discriminatedUnion("outcome", [
    z.object({
      outcome: z.enum(["release-in-full", "release-in-part"]),
      portions: z.array(PortionDecisionSchema).max(2000),
      subject: PortionDecisionSchema,
      tags: z.array(PortionDecisionSchema).max(200),
    }),
    z.object({
      outcome: z.literal("withhold-in-full"),
      exemptions: z.array(ExemptionSchema).min(1).max(20),
      subject: PortionDecisionSchema,
    }),
    z.object({ outcome: z.literal("extend"), until: z.iso.date(), reason: z.string().trim().min(1).max(500) }),
  ])
  .meta({ id: "ReviewDecision" });

/** The answer to a recorded decision. */
export const RecordedReviewSchema = z
  .object({
    reviewId: z.string(),
    cableId: z.string(),
    outcome: z.enum(REVIEW_OUTCOMES),
    readingRoom: z.string().nullable(),
  })
  .meta({ id: "RecordedReview" });

/** The review queue: the next cables due for review that the reviewer may read. */
export const ReviewQueueSchema = z
  .object({
    cables: z.array(
      z.object({
        id: z.string(),
        subject: z.string().nullable(),
        dtg: z.string().nullable(),
        classification: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "ReviewQueue" });

/** A withdrawal card: what the public sees of a cable withheld in full. */
export const WithdrawalCardSchema = z
  .object({
    id: z.string(),
    dtg: z.string().nullable(),
    origin: z.string().nullable(),
    subject: z.string().nullable(),
    exemptions: z.array(ExemptionSchema),
    reviewDate: z.string(),
  })
  .meta({ id: "WithdrawalCard" });

/** A released version or a withdrawal card. */
export const ReadingRoomItemSchema = z
  .discriminatedUnion("kind", [
    z.object({
      kind: z.literal("released"),
      version: z.object({
        id: z.string(),
        outcome: z.string(),
        reviewDate: z.string(),
        reviewer: z.string(),
        exemptions: z.array(ExemptionSchema),
        cable: CableSchema,
        telegram: z.string(),
      }),
    }),
    z.object({ kind: z.literal("withdrawn"), card: WithdrawalCardSchema }),
  ])
  .meta({ id: "ReadingRoomItem" });

const FacetSchema = z.array(z.object({ value: z.string(), count: z.number().int() }));

/** A page of the reading room's search. */
export const ReadingRoomResultSchema = z
  .object({
    total: z.number().int(),
    totalIsLowerBound: z.boolean(),
    results: z.array(
      z.object({
        id: z.string(),
        subject: z.string().nullable(),
        dtg: z.string().nullable(),
        classification: z.string().nullable(),
        outcome: z.string(),
        reviewDate: z.string(),
        snippet: z.string(),
      }),
    ),
    facets: z.object({ tags: FacetSchema, origin: FacetSchema, classification: FacetSchema, year: FacetSchema }),
    facetsAreExact: z.boolean(),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: "ReadingRoomResult" });

/** A page of withdrawal cards. */
export const WithdrawalsSchema = z
  .object({ cards: z.array(WithdrawalCardSchema), next: z.string().nullable() })
  .meta({ id: "Withdrawals" });
