// Creating and editing drafts: every save resolves the addressees and answers with the findings.
import { randomUUID } from "node:crypto";
import { locksOf } from "../access/index.ts";
import { suggestFromDraft } from "../campaigns/draft-suggestions.ts";
import { CablegramError } from "../errors.ts";
import { hasRole, type User } from "../users/user-schema.ts";
import { composeDraft } from "./compose-draft.ts";
import { actorOf, assertMayEdit, draftViewers, homePlad } from "./draft-access.ts";
import { draftActionRequests, draftCable, recordStep } from "./draft-rows.ts";
import type { DraftFields, DraftFinding } from "./draft-schema.ts";
import { visibleDraft, type DraftRows } from "./read-draft.ts";
import type { WorkflowDeps } from "./workflow-deps.ts";
import { noticeClearancesAsked } from "./workflow-notices.ts";

/** Where a draft starts from besides the fields: a reply to a cable, or a correction superseding one. */
export type DraftOrigin = { replyTo?: string | null; supersedes?: string | null };

/**
 * Creates a draft from the fields (the cable model less what release assigns, plus action requests). Needs the
 * drafter role. The draft originates at `from`, or at the user's home post.
 * @example await createDraft(deps, dana, { subject: "KOSOVO: ...", to: ["PARIS"] }) // { id: "…", findings: [...] }
 */
export async function createDraft(
  deps: WorkflowDeps,
  user: User,
  fields: DraftFields,
  origin: DraftOrigin = {},
): Promise<SavedDraft> {
  if (!hasRole(user, "drafter"))
    throw new CablegramError("FORBIDDEN", "Drafting needs the drafter role.", { role: "drafter" });
  const home = await homePlad(deps.store, user);
  const composed = await composeDraft(deps.store, null, fields, home, today(deps));
  if (composed.originPost === null) {
    throw new CablegramError(
      "INVALID_INPUT",
      "The draft needs an originating post: set `from`, or give yourself a home post.",
    );
  }
  if (home !== composed.originPost && !user.roles.includes("admin")) {
    throw new CablegramError("FORBIDDEN", `You draft for ${home ?? "no post"}, not for ${composed.originPost}.`);
  }
  const id = randomUUID();
  const now = deps.clock.now().toISOString();
  await deps.store.transaction(async (txStore) => {
    const tx = txStore.db;
    await tx
      .insertInto("drafts")
      .values({
        id,
        status: "draft",
        origin_post: composed.originPost!,
        model: JSON.stringify(composed.cable),
        action_requests: JSON.stringify(composed.actionRequests),
        revision: 1,
        reply_to: origin.replyTo ?? null,
        supersedes: origin.supersedes ?? null,
        created_by: user.id,
        created_at: now,
        updated_by: user.id,
        updated_at: now,
        released_id: null,
        released_by: null,
        released_at: null,
        position_report: fields.positionReport ? JSON.stringify(fields.positionReport) : null,
      })
      .execute();
    const detail = {
      subject: composed.cable.subject,
      replyTo: origin.replyTo ?? null,
      supersedes: origin.supersedes ?? null,
    };
    await recordStep({ ...deps, store: txStore }, actorOf(user), id, {
      action: "draft.create",
      detail,
    });
    // Positions the text suggests, for a person to confirm or dismiss: read with each save, none recorded.
    await suggestFromDraft(txStore, id, composed.cable.paragraphs);
  });
  await deps.bus?.publish({
    type: "draft.created",
    cableId: id,
    locks: locksOf(composed.cable),
    post: composed.originPost,
    visibleTo: draftViewers(
      { created_by: user.id, origin_post: composed.originPost, model: JSON.stringify(composed.cable) },
      [],
    ),
    data: { id, subject: composed.cable.subject },
  });
  return { id, findings: composed.findings, revision: 1 };
}

/** What a save answers: the draft, the findings of its new text, and the revision that text is. */
export type SavedDraft = { id: string; findings: DraftFinding[]; revision: number };

/** How many times a change is composed again on a draft another save changed meanwhile. */
const ATTEMPTS = 5;

/**
 * Changes a draft. Any decided clearance goes back to `requested`: a clearer cleared the text as it was.
 * The change applies to the draft as stored when it is written: a save made meanwhile by someone else is never
 * overwritten. With `expectedRevision` (the revision the editor was showing, sent as `If-Match`), a draft saved
 * since is refused with DRAFT_CHANGED instead of merged, so an editor's form never silently replaces newer text.
 * @example await updateDraft(deps, dana, id, { subject: "NEW SUBJECT" }, { expectedRevision: 3 }) // { id, findings, revision: 4 }
 */
export async function updateDraft(
  deps: WorkflowDeps,
  user: User,
  id: string,
  fields: DraftFields,
  options: { expectedRevision?: number } = {},
): Promise<SavedDraft> {
  const home = await homePlad(deps.store, user);
  for (let attempt = 1; ; attempt++) {
    const { row, clearances } = await visibleDraft(deps.store, user, id, false, home);
    assertMayEdit(user, home, row);
    assertEditable(row.status, id);
    if (options.expectedRevision !== undefined && row.revision !== options.expectedRevision) {
      throw draftChanged(id, options.expectedRevision, row.revision);
    }
    const saved = await writeChange(deps, user, row, fields, clearances);
    if (saved) return saved;
    // Someone saved between the read and the write: compose the change again on their text.
    if (attempt === ATTEMPTS) throw draftChanged(id, row.revision, row.revision + 1);
  }
}

/** Writes the change if the draft is still at the revision read; null if another save came first. */
async function writeChange(
  deps: WorkflowDeps,
  user: User,
  row: DraftRows["row"],
  fields: DraftFields,
  clearances: DraftRows["clearances"],
): Promise<SavedDraft | null> {
  const id = row.id;
  const composed = await composeDraft(
    deps.store,
    { cable: draftCable(row), actionRequests: draftActionRequests(row) },
    fields,
    row.origin_post,
    today(deps),
  );
  if (composed.originPost !== row.origin_post) {
    throw new CablegramError(
      "INVALID_INPUT",
      `A draft keeps its originating post (${row.origin_post}); start a new one.`,
    );
  }
  const now = deps.clock.now().toISOString();
  const revision = row.revision + 1;
  let askedAgain: { id: string; kind: string; clearer: string }[] = [];
  const written = await deps.store.transaction(async (txStore) => {
    const tx = txStore.db;
    const changed = await tx
      .updateTable("drafts")
      .set({
        model: JSON.stringify(composed.cable),
        action_requests: JSON.stringify(composed.actionRequests),
        revision,
        updated_by: user.id,
        updated_at: now,
        ...(fields.positionReport === undefined
          ? {}
          : { position_report: fields.positionReport === null ? null : JSON.stringify(fields.positionReport) }),
      })
      .where("id", "=", id)
      .where("status", "=", "draft")
      .where("revision", "=", row.revision)
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) === 0) return false;
    const reset = await tx
      .updateTable("draft_clearances")
      .set({ status: "requested", decided_by: null, decided_at: null, decided_revision: null, comment: null })
      .where("draft_id", "=", id)
      .where("status", "!=", "requested")
      .returning(["id", "kind", "clearer"])
      .execute();
    askedAgain = reset;
    const detail = { fields: Object.keys(fields), revision, clearancesReset: reset.length };
    await recordStep({ ...deps, store: txStore }, actorOf(user), id, {
      action: "draft.update",
      detail,
    });
    await suggestFromDraft(txStore, id, composed.cable.paragraphs);
    return true;
  });
  if (!written) return null;
  await deps.bus?.publish({
    type: "draft.updated",
    cableId: id,
    locks: locksOf(composed.cable),
    post: row.origin_post,
    visibleTo: draftViewers({ ...row, model: JSON.stringify(composed.cable) }, clearances),
    data: { id },
  });
  // A clearer who had decided is asked again: the text they decided on has changed.
  if (askedAgain.length > 0) {
    const edited = { ...row, model: JSON.stringify(composed.cable) };
    await noticeClearancesAsked(deps, edited, clearances, askedAgain, user, revision);
  }
  return { id, findings: composed.findings, revision };
}

function draftChanged(id: string, expected: number, current: number): CablegramError {
  return new CablegramError(
    "DRAFT_CHANGED",
    `Draft ${id} was saved by someone else since revision ${expected} (it is at revision ${current} or later); ` +
      `reload it and make your change again.`,
    { id, expectedRevision: expected, revision: current },
  );
}

/**
 * Discards an unreleased draft; it stays on record (history, audit) as discarded.
 * @example await discardDraft(deps, dana, id)
 */
export async function discardDraft(deps: WorkflowDeps, user: User, id: string): Promise<void> {
  const { row, clearances } = await visibleDraft(deps.store, user, id);
  assertMayEdit(user, await homePlad(deps.store, user), row);
  assertEditable(row.status, id);
  const now = deps.clock.now().toISOString();
  await deps.store.transaction(async (txStore) => {
    const tx = txStore.db;
    const changed = await tx
      .updateTable("drafts")
      .set({ status: "discarded", updated_by: user.id, updated_at: now })
      .where("id", "=", id)
      .where("status", "=", "draft")
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) === 0) assertEditable("released", id);
    await recordStep({ ...deps, store: txStore }, actorOf(user), id, { action: "draft.discard" });
  });
  await deps.bus?.publish({
    type: "draft.discarded",
    cableId: id,
    locks: locksOf(draftCable(row)),
    visibleTo: draftViewers(row, clearances),
    data: { id },
  });
}

/**
 * Throws DRAFT_NOT_EDITABLE unless the status is `draft`.
 * @example assertEditable("released", id) // throws
 */
export function assertEditable(status: string, id: string): void {
  if (status !== "draft") {
    throw new CablegramError("DRAFT_NOT_EDITABLE", `Draft ${id} is ${status}; it can no longer change.`, {
      id,
      status,
    });
  }
}

/** The day a draft is saved on, by the service clock: collectives are derived for it. */
function today(deps: WorkflowDeps): string {
  return deps.clock.now().toISOString().slice(0, 10);
}
