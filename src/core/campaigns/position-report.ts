// A reply cable's structured position report: the country, the campaign question, the position and how sure the
// post is. Released with the reply, it is recorded as a position event whose source is the reply itself.
import { z } from "zod";
import { CONFIDENCES } from "./position-event.ts";

/** What a drafter fills in on a reply: the campaign and question answered, the country and its position. */
export const PositionReportSchema = z
  .object({
    campaignId: z.string().trim().min(1).max(120),
    questionId: z.string().trim().min(1).max(120),
    /** ISO alpha-2 or alpha-3, a TAGS code (`tag:KV`) or an English name. */
    country: z.string().trim().min(2).max(60),
    /** A position code on the question's scale. */
    position: z.string().trim().min(1).max(60),
    confidence: z.enum(CONFIDENCES).default("reported"),
  })
  .meta({ id: "PositionReport" });
export type PositionReport = z.infer<typeof PositionReportSchema>;
