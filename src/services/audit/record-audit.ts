// Appends an entry to the audit log.
import { groupCommit } from "../../store/group-commit.ts";
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

/**
 * Writes one audit entry in a transaction shared with the entries recorded meanwhile (group-commit.ts), for entries
 * written on their own, not with a change: resolves once the entry is committed, as `recordAudit` does. A commit
 * costs more than the entry it writes (PostgreSQL waits for its WAL to reach the disk), and under load many are
 * recorded in one turn of the event loop: every search is.
 * @example await recordAuditGrouped(deps, { actor, action: "cable.search", target: "kosovo", resultCount: 2 })
 */
export function recordAuditGrouped({ store, clock }: Deps, record: AuditRecord): Promise<void> {
  return inAuditGroup(store, (tx) => recordAudit({ store: store.within(tx), clock }, record));
}

const inAuditGroup = groupCommit();

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
