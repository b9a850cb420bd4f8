// Table types for the audit log.

export interface AuditTables {}
