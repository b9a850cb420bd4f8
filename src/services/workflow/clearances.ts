// Clearances: the drafter asks offices or people to clear a draft; each clears or objects, with a comment.
import { randomUUID } from "node:crypto";
import { locksOf } from "../access/index.ts";
import { CablegramError } from "../errors.ts";
import { findUser } from "../users/find-user.ts";
import type { User } from "../users/user-schema.ts";
import { actorOf, assertMayEdit, draftViewers, homePlad, isClearerOf } from "./draft-access.ts";
import { clearanceFromRow, draftCable, recordStep } from "./draft-rows.ts";
import type { Clearance } from "./draft-schema.ts";
import { visibleDraft } from "./read-draft.ts";
import { assertEditable } from "./save-draft.ts";
import type { WorkflowDeps } from "./workflow-deps.ts";
import { noticeClearanceDecided, noticeClearancesAsked } from "./workflow-notices.ts";

/** A clearance request: an office code (`EUR/SCE`) or a username; `kind` is guessed when not given. */
export type ClearanceRequest = { clearer: string; kind?: "office" | "user"; required?: boolean };

/**
 * Asks an office or a person to clear the draft. An office must be in the directory, a person must exist and not be
 * the drafter (CLEARANCE_BY_DRAFTER): a clearance is a second pair of eyes.
 * @example await requestClearance(deps, dana, draftId, { clearer: "EUR/SCE" }) // { id, status: "requested", ... }
 */
export async function requestClearance(
  deps: WorkflowDeps,
  user: User,
  draftId: string,
  request: ClearanceRequest,
): Promise<Clearance> {
  const { row, clearances } = await visibleDraft(deps.store, user, draftId);
  assertMayEdit(user, await homePlad(deps.store, user), row);
  assertEditable(row.status, draftId);
  const target = await clearerOf(deps, request);
  if (target.userId !== undefined && target.userId === row.created_by) {
    throw new CablegramError(
      "CLEARANCE_BY_DRAFTER",
      `${target.clearer} drafted ${draftId}; ask someone else to clear it.`,
    );
  }
  const now = deps.clock.now().toISOString();
  const values = {
    id: randomUUID(),
    draft_id: draftId,
    kind: target.kind,
    clearer: target.clearer,
    required: request.required === false ? 0 : 1,
    status: "requested",
    comment: null,
    requested_by: user.username,
    requested_at: now,
    decided_by: null,
    decided_at: null,
    decided_revision: null,
  };
  await deps.store.transaction(async (txStore) => {
    const tx = txStore.db;
    await tx.insertInto("draft_clearances").values(values).execute();
    await recordStep({ ...deps, store: txStore }, actorOf(user), draftId, {
      action: "clearance.request",
      detail: { clearance: values.id, kind: target.kind, clearer: target.clearer, required: values.required === 1 },
    });
  });
  await deps.bus?.publish({
    type: "draft.clearance.requested",
    cableId: draftId,
    locks: locksOf(draftCable(row)),
    ...(target.kind === "office" ? { office: target.clearer } : { userId: target.userId }),
    visibleTo: draftViewers(row, [...clearances, target]),
    data: { draftId, clearance: values.id, clearer: target.clearer, subject: draftCable(row).subject },
  });
  await noticeClearancesAsked(deps, row, [...clearances, values], [values], user, Number(row.revision));
  return clearanceFromRow(values);
}

/**
 * Clears or objects, as the person asked or a member of the office asked, never as the drafter (CLEARANCE_BY_DRAFTER,
 * even when the drafter works in the office asked). The decision holds for the draft as it is now; an edit puts it
 * back to `requested`.
 * @example await decideClearance(deps, erin, draftId, clearanceId, { decision: "clear", comment: "OK for EUR/SCE" })
 */
export async function decideClearance(
  deps: WorkflowDeps,
  user: User,
  draftId: string,
  clearanceId: string,
  decision: { decision: "clear" | "object"; comment?: string | null },
): Promise<Clearance> {
  const { row, clearances } = await visibleDraft(deps.store, user, draftId);
  assertEditable(row.status, draftId);
  const clearance = clearances.find((c) => c.id === clearanceId);
  if (!clearance) {
    throw new CablegramError(
      "CLEARANCE_NOT_FOUND",
      `Draft ${draftId} has no clearance ${JSON.stringify(clearanceId)}.`,
    );
  }
  if (!isClearerOf(user, clearance) && !user.roles.includes("admin")) {
    const who = clearance.kind === "office" ? `members of ${clearance.clearer}` : clearance.clearer;
    throw new CablegramError("FORBIDDEN", `Only ${who} may decide this clearance.`);
  }
  if (row.created_by === user.id) {
    throw new CablegramError(
      "CLEARANCE_BY_DRAFTER",
      `You drafted ${draftId}; someone else must decide its clearances.`,
    );
  }
  const status = decision.decision === "clear" ? "cleared" : "objected";
  const comment = decision.comment?.trim() || null;
  if (status === "objected" && comment === null) {
    throw new CablegramError("INVALID_INPUT", "An objection needs a comment saying what to change.");
  }
  const now = deps.clock.now().toISOString();
  const decided = {
    ...clearance,
    status,
    comment,
    decided_by: user.username,
    decided_at: now,
    decided_revision: Number(row.revision),
  };
  await deps.store.transaction(async (txStore) => {
    const tx = txStore.db;
    const changed = await tx
      .updateTable("draft_clearances")
      .set({ status, comment, decided_by: user.username, decided_at: now, decided_revision: Number(row.revision) })
      .where("id", "=", clearanceId)
      // The draft must still be the revision the clearer read: an edit in between makes them decide again.
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom("drafts")
            .select("id")
            .where("id", "=", draftId)
            .where("revision", "=", Number(row.revision))
            .where("status", "=", "draft"),
        ),
      )
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) === 0) {
      throw new CablegramError("DRAFT_NOT_EDITABLE", `Draft ${draftId} changed meanwhile; read it again and decide.`);
    }
    // The text as decided on: a clearer asked again is shown what changed since (changes-since-decision.ts).
    await tx
      .insertInto("clearance_snapshots")
      .values({
        id: randomUUID(),
        draft_id: draftId,
        clearance_id: clearanceId,
        decision: status,
        comment,
        decided_by: user.username,
        decided_at: now,
        revision: Number(row.revision),
        model: row.model,
      })
      .execute();
    await recordStep({ ...deps, store: txStore }, actorOf(user), draftId, {
      action: "clearance.decide",
      detail: { clearance: clearanceId, decision: status, comment },
    });
  });
  await deps.bus?.publish({
    type: `draft.clearance.${status}`,
    cableId: draftId,
    locks: locksOf(draftCable(row)),
    post: row.origin_post,
    visibleTo: draftViewers(row, clearances),
    data: { draftId, clearance: clearanceId, by: user.username, comment },
  });
  await noticeClearanceDecided(deps, row, clearances, clearance, status, comment, user, Number(row.revision));
  return clearanceFromRow(decided);
}

async function clearerOf(
  deps: WorkflowDeps,
  request: ClearanceRequest,
): Promise<{ kind: "office" | "user"; clearer: string; userId?: string }> {
  const name = request.clearer.trim();
  if (request.kind !== "user") {
    const office = await deps.store.db
      .selectFrom("offices")
      .select("code")
      .where("code", "=", name.toUpperCase())
      .executeTakeFirst();
    if (office) return { kind: "office", clearer: office.code };
    if (request.kind === "office") {
      throw new CablegramError("OFFICE_NOT_FOUND", `No office ${JSON.stringify(name)} to clear the draft.`);
    }
  }
  const person = await findUser(deps.store, name);
  if (!person) {
    throw new CablegramError("INVALID_INPUT", `No office or user named ${JSON.stringify(name)} to clear the draft.`, {
      clearer: name,
    });
  }
  return { kind: "user", clearer: person.username, userId: person.id };
}
