// Reads the audit log, newest first, filtered by user, time and action.
import type { Store } from "../../store/open-store.ts";
import { parseInput } from "../parse-input.ts";
import { hasRole } from "../../core/roles.ts";
import type { Acting } from "../acting.ts";
import { CablegramError } from "../errors.ts";
import { z } from "zod";
import { auditEntryFromRow, type AuditEntry } from "./audit-entry.ts";

/** Filters; all optional. */
export const AuditQuerySchema = z.object({
  /** Username (any case). */
  user: z.string().trim().min(1).optional(),
  /** Entries at or after this time: an ISO date (`2024-05-01`) or date-time. */
  since: z
    .string()
    .trim()
    .refine((s) => !Number.isNaN(Date.parse(s)), "a date such as 2024-05-01 or 2024-05-01T12:00:00Z")
    .optional(),
  /** Action, exactly (`cable.read`), or a prefix ending in a dot (`cable.`). */
  action: z.string().trim().min(1).optional(),
  /** At most this many entries; default 100, at most 10,000. */
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
});
export type AuditQuery = z.input<typeof AuditQuerySchema>;

/**
 * Audit entries matching the filters, newest first, for an archivist, an administrator or the system (FORBIDDEN
 * for anyone else): archivists answer for who read what. INVALID_INPUT for an unreadable date or limit.
 * @example await queryAudit(store, admin, { user: "alice", action: "cable.read", since: "2024-05-01", limit: 20 })
 */
export async function queryAudit(store: Store, by: Acting, filters: AuditQuery = {}): Promise<AuditEntry[]> {
  if (!("system" in by) && !hasRole(by, "archivist")) {
    throw new CablegramError("FORBIDDEN", "Reading the audit log needs the archivist or admin role.", {
      role: "archivist",
    });
  }
  const f = parseInput(AuditQuerySchema, filters, "audit query");
  let query = store.db.selectFrom("audit_log").selectAll();
  if (f.user) query = query.where("username", "=", f.user.toLowerCase());
  if (f.since) query = query.where("at", ">=", new Date(f.since).toISOString());
  if (f.action) {
    query = f.action.endsWith(".")
      ? query.where("action", "like", `${f.action.replace(/[%_\\]/g, "")}%`)
      : query.where("action", "=", f.action);
  }
  const rows = await query
    .orderBy("at", "desc")
    .orderBy("id", "desc")
    .limit(f.limit ?? 100)
    .execute();
  return rows.map(auditEntryFromRow);
}
