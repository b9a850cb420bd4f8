// The audit log as the API shows it.
import { z } from "zod";

/** One audit entry. */
export const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    userId: z.string().nullable(),
    username: z.string().nullable(),
    action: z.string(),
    target: z.string().nullable(),
    resultCount: z.number().int().nullable(),
    detail: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: "AuditEntry" });
