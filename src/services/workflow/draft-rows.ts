// Drafts as stored and as shown: reading a draft's rows back into the API's shape, and its history entries.
import type { Kysely, Selectable } from "kysely";
import {
  ActionRequestSchema,
  PositionReportSchema,
  type ActionRequest,
  type Cable,
  type PositionReport,
} from "../../core/index.ts";
import type { Database } from "../../store/database.ts";
import { preparedQuery } from "../../store/prepared-query.ts";
import type { DraftClearancesTable, DraftsTable } from "../../store/tables/messaging.ts";
import type { Actor } from "../audit/audit-entry.ts";
import { recordAudit, type AuditRecord } from "../audit/record-audit.ts";
import type { Deps } from "../clock.ts";
import type { Clearance, ClearanceStatus, DraftEvent } from "./draft-schema.ts";

/** The draft's cable model. */
export function draftCable(row: Pick<Selectable<DraftsTable>, "model">): Cable {
  return JSON.parse(row.model) as Cable;
}

/** The draft's action requests. */
export function draftActionRequests(row: Pick<Selectable<DraftsTable>, "action_requests">): ActionRequest[] {
  return ActionRequestSchema.array().parse(JSON.parse(row.action_requests));
}

/** The draft's position report, or null. */
export function draftPositionReport(row: Pick<Selectable<DraftsTable>, "position_report">): PositionReport | null {
  return row.position_report === null ? null : PositionReportSchema.parse(JSON.parse(row.position_report));
}

/** A clearance row as the API shows it. */
export function clearanceFromRow(row: Selectable<DraftClearancesTable>): Clearance {
  return {
    id: row.id,
    kind: row.kind === "user" ? "user" : "office",
    clearer: row.clearer,
    required: Number(row.required) === 1,
    status: row.status as ClearanceStatus,
    comment: row.comment,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
  };
}

/**
 * A draft's history, oldest first.
 * @example await draftHistory(store.db, id) // [{ action: "draft.create", username: "dana", ... }]
 */
export async function draftHistory(db: Kysely<Database>, draftId: string): Promise<DraftEvent[]> {
  const rows = await db.selectFrom("draft_events").selectAll().where("draft_id", "=", draftId).orderBy("id").execute();
  return rows.map((r) => ({
    at: r.at,
    username: r.username,
    action: r.action,
    detail: r.detail === null ? null : (JSON.parse(r.detail) as Record<string, unknown>),
  }));
}

/**
 * Records a step of a draft's life twice, in the caller's transaction: in the draft's history and in the audit log.
 * @example await store.transaction((tx) => recordStep({ store: tx, clock }, actor, draftId, { action: "draft.update" }))
 */
export async function recordStep(
  deps: Deps,
  actor: Actor,
  draftId: string,
  step: Omit<AuditRecord, "actor" | "target"> & { target?: string },
): Promise<void> {
  const detail = step.detail ? JSON.stringify(step.detail) : null;
  const at = deps.clock.now().toISOString();
  await insertDraftEvent(deps.store.db, draftId, at, actor.userId, actor.username, step.action, detail);
  await recordAudit(deps, { ...step, actor, target: step.target ?? draftId });
}

// Every step of every draft writes one: compiled once.
const insertDraftEvent = preparedQuery(
  (
    db,
    draftId: string,
    at: string,
    userId: string | null,
    username: string | null,
    action: string,
    detail: string | null,
  ) => db.insertInto("draft_events").values({ draft_id: draftId, at, user_id: userId, username, action, detail }),
);
