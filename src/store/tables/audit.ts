// Table types for the audit log.
import type { Generated } from "kysely";

/** One audited act: who, when, what (a cable id or a query) and how many results it gave. */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: string | null;
  /** Kept beside the id so the log still reads after the user is removed. */
  username: string | null;
  /** `cable.read`, `cable.search`, `session.create`, ... */
  action: string;
  /** Cable id, search query or user name; null when the act has no object. */
  target: string | null;
  result_count: number | null;
  /** JSON object with anything else worth keeping (classification read, sort, client address). */
  detail: string | null;
}

export interface AuditTables {
  audit_log: AuditLogTable;
}
