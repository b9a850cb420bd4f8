// Appends an entry to the audit log.
import type { Deps } from "../clock.ts";
import type { Actor, AuditAction } from "./audit-entry.ts";

export type AuditRecord = {
  actor: Actor;
  action: AuditAction;
  target?: string | null;
  resultCount?: number | null;
  detail?: Record<string, unknown> | null;
};

/**
 * Writes one audit entry stamped with the clock's time. Pass a transaction's store to write it with the change.
 * @example await recordAudit(deps, { actor, action: "cable.read", target: "09STATE39345", detail: { classification: "CONFIDENTIAL" } })
 */
export async function recordAudit({ store, clock }: Deps, record: AuditRecord): Promise<void> {
  await store.db
    .insertInto("audit_log")
    .values({
      at: clock.now().toISOString(),
      user_id: record.actor.userId,
      username: record.actor.username,
      action: record.action,
      target: record.target ?? null,
      result_count: record.resultCount ?? null,
      detail: record.detail ? JSON.stringify(record.detail) : null,
    })
    .execute();
}
