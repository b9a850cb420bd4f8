// Audit entries: the acts Cablegram records and the shape the API and the CLI show.
import type { Selectable } from "kysely";
import type { AuditLogTable } from "../../store/tables/audit.ts";

/**
 * Acts written to the audit log. Reads are recorded for classified cables, searches and exports always, and so are saving and
 * removing a saved search and turning its watch on or off (`search.`).
 */
export const AUDIT_ACTIONS = [
  "cable.read",
  "cable.search",
  "cable.export",
  "search.save",
  "search.remove",
  "search.watch",
  "session.create",
  "session.fail",
  "user.create",
  "user.update",
  "user.remove",
  "user.password",
  "user.unthrottle",
  "token.mint",
  "token.revoke",
  "delivery.ack",
  "delivery.slug",
  "task.done",
  "alert.ack",
  "duty.set",
  "draft.create",
  "draft.update",
  "draft.discard",
  "draft.submit",
  "clearance.request",
  "clearance.decide",
  "cable.release",
  "campaign.create",
  "position.record",
  "campaign.tasking",
  "declass.review",
  "declass.due",
  "declass.propose",
  "site.resend",
  "site.cancel",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who acted: a signed-in user, or null for the system (imports, the CLI running with database access). */
export type Actor = { userId: string | null; username: string | null };

/** The system itself, for acts no user performs. */
export const SYSTEM_ACTOR: Actor = Object.freeze({ userId: null, username: null });

/** One audited act. */
export type AuditEntry = {
  id: number;
  /** ISO 8601 UTC. */
  at: string;
  userId: string | null;
  username: string | null;
  action: string;
  /** The cable id read, the query searched or saved, the user changed. */
  target: string | null;
  /** Results a search gave; null for other acts. */
  resultCount: number | null;
  detail: Record<string, unknown> | null;
};

/** A stored entry as the API shows it. */
export function auditEntryFromRow(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    id: Number(row.id),
    at: row.at,
    userId: row.user_id,
    username: row.username,
    action: row.action,
    target: row.target,
    resultCount: row.result_count === null ? null : Number(row.result_count),
    detail: row.detail === null ? null : (JSON.parse(row.detail) as Record<string, unknown>),
  };
}
