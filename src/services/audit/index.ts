// The audit service: record acts, query the log, and the audited forms of reading and searching cables.
export * from "./audit-entry.ts";
export { recordAudit, recordAuditGrouped, type AuditRecord } from "./record-audit.ts";
export { queryAudit, AuditQuerySchema, type AuditQuery } from "./query-audit.ts";
export { readCableAudited } from "./read-cable-audited.ts";
export { searchCablesAudited } from "./search-cables-audited.ts";
