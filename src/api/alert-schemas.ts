// Alerts to duty officers and the duty roster, as the API shows them.
import { z } from "zod";
import { ALERT_OUTCOMES } from "../services/alerts/alert-outcome.ts";

/** An alert to a post's duty officer about a NIACT or FLASH delivery, or an escalation. */
export const AlertSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["niact", "escalation"]),
    cableId: z.string(),
    deliveryId: z.string(),
    post: z.string(),
    precedence: z.string(),
    officerId: z.string().nullable(),
    officerName: z.string().nullable().describe("The username of the duty officer alerted; null when nobody was"),
    createdAt: z.string(),
    attempts: z.number().int(),
    lastSentAt: z.string().nullable(),
    nextAt: z.string().nullable(),
    lastError: z.string().nullable(),
    outcome: z.enum(ALERT_OUTCOMES).meta({
      description:
        "What the last due sending did. `pending`: not yet due. `sent`: sent to the post's duty officer (`attempts` " +
        "counts the sendings). `no_duty_officer`: the post has nobody on the duty roster, so nobody was alerted; " +
        "the alert stays open and goes to whoever is put on duty, at its next repeat.",
    }),
    acknowledged: z.boolean(),
    acknowledgedAt: z.string().nullable(),
    acknowledgedBy: z.string().nullable(),
  })
  .meta({ id: "Alert" });

/** Who is on duty for a post, and how they are reached. */
export const DutyOfficerSchema = z
  .object({
    post: z.string(),
    userId: z.string().nullable(),
    webhook: z.string().nullable(),
    email: z.string().nullable(),
  })
  .meta({ id: "DutyOfficer" });
