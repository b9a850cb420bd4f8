// Submitting a draft for approval: until the drafter says it is ready, a draft is not in the approvers' queue.
import { locksOf } from "../access/index.ts";
import { CablegramError } from "../errors.ts";
import type { User } from "../users/user-schema.ts";
import { draftFindings } from "./compose-draft.ts";
import { actorOf, assertMayEdit, draftViewers, homePlad } from "./draft-access.ts";
import { draftActionRequests, draftCable, recordStep } from "./draft-rows.ts";
import { visibleDraft } from "./read-draft.ts";
import { assertEditable } from "./save-draft.ts";
import type { WorkflowDeps } from "./workflow-deps.ts";

/** What a submission answers: when the draft was submitted and by whom. */
export type Submission = { id: string; submittedAt: string; submittedBy: string };

/**
 * Submits a draft for approval by its post's approvers, as a drafter who may change it. Refused
 * (NOT_READY_FOR_APPROVAL) while the draft has error findings: an approver could not release it. A draft submitted
 * already keeps its first submission; an edit after it does not take it out of the queue (clearances, which an edit
 * reopens, tell the approver it changed).
 * @example await submitDraft(deps, dana, draftId) // { id, submittedAt: "2026-02-16T10:00:00.000Z", submittedBy: "dana" }
 */
export async function submitDraft(deps: WorkflowDeps, user: User, draftId: string): Promise<Submission> {
  const home = await homePlad(deps.store, user);
  const { row, clearances } = await visibleDraft(deps.store, user, draftId, false, home);
  assertMayEdit(user, home, row);
  assertEditable(row.status, draftId);
  if (row.submitted_at !== null && row.submitted_by !== null) {
    return { id: draftId, submittedAt: row.submitted_at, submittedBy: row.submitted_by };
  }
  const cable = draftCable(row);
  const errors = (await draftFindings(deps.store, cable, draftActionRequests(row))).filter(
    (f) => f.severity === "error",
  );
  if (errors.length > 0) {
    throw new CablegramError(
      "NOT_READY_FOR_APPROVAL",
      `Draft ${draftId} has ${errors.length} error finding(s): ${errors.map((e) => e.message).join("; ")}.`,
      { findings: errors },
    );
  }
  const now = deps.clock.now().toISOString();
  await deps.store.transaction(async (txStore) => {
    const changed = await txStore.db
      .updateTable("drafts")
      .set({ submitted_at: now, submitted_by: user.username })
      .where("id", "=", draftId)
      .where("status", "=", "draft")
      .where("submitted_at", "is", null)
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) === 0) {
      throw new CablegramError("DRAFT_NOT_EDITABLE", `Draft ${draftId} changed meanwhile; read it again.`);
    }
    await recordStep({ ...deps, store: txStore }, actorOf(user), draftId, {
      action: "draft.submit",
      detail: { revision: Number(row.revision) },
    });
  });
  await deps.bus?.publish({
    type: "draft.submitted",
    cableId: draftId,
    locks: locksOf(cable),
    post: row.origin_post,
    visibleTo: draftViewers(row, clearances),
    data: { draftId, subject: cable.subject, by: user.username },
  });
  return { id: draftId, submittedAt: now, submittedBy: user.username };
}
