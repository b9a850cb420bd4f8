// Appends an entry to the audit log.
import { preparedQuery } from "../../store/prepared-query.ts";
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
  const { actor, action } = record;
  const detail = record.detail ? JSON.stringify(record.detail) : null;
  const at = clock.now().toISOString();
  const [target, count] = [record.target ?? null, record.resultCount ?? null];
  await insertEntry(store.db, at, actor.userId, actor.username, action, target, count, detail);
}

// Nearly every request writes one: compiled once.
const insertEntry = preparedQuery(
  (
    db,
    at: string,
    userId: string | null,
    username: string | null,
    action: string,
    target: string | null,
    resultCount: number | null,
    detail: string | null,
  ) =>
    db
      .insertInto("audit_log")
      .values({ at, user_id: userId, username, action, target, result_count: resultCount, detail }),
);
