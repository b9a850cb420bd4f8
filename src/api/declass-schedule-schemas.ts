// The declassification schedule as the API shows it: the due list and release proposals.
import { z } from "zod";
import { DECLASS_BASES, DUE_STATUSES } from "../core/index.ts";

const DueCountSchema = z.object({ value: z.string(), due: z.number().int(), overdue: z.number().int() });

/** The due list: counts by origin and classification, and one page of cables, oldest review date first. */
export const DueListSchema = z
  .object({
    today: z.iso.date(),
    before: z.iso.date(),
    due: z.number().int(),
    overdue: z.number().int(),
    byOrigin: z.array(DueCountSchema),
    byClassification: z.array(DueCountSchema),
    cables: z.array(
      z.object({
        id: z.string(),
        subject: z.string().nullable(),
        dtg: z.string().nullable(),
        origin: z.string().nullable(),
        classification: z.string().nullable(),
        reviewOn: z.iso.date(),
        status: z.enum(DUE_STATUSES),
        basis: z.enum(DECLASS_BASES),
        reason: z.string(),
      }),
    ),
    listed: z.number().int(),
  })
  .meta({ id: "DueList" });

/** Release proposals: due cables whose portions are all unclassified. Nothing is applied. */
export const ReleaseProposalsSchema = z
  .object({
    before: z.iso.date(),
    examined: z.number().int(),
    proposals: z.array(
      z.object({
        id: z.string(),
        subject: z.string().nullable(),
        classification: z.string().nullable(),
        reviewOn: z.iso.date(),
        portions: z.array(z.string()),
        proposal: z.literal("release-in-full"),
        why: z.string(),
      }),
    ),
  })
  .meta({ id: "ReleaseProposals" });
