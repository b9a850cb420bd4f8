// The notifications a draft's life leaves (issue 17 item 7): a clearance asked of someone (or asked again after an
// edit), a clearer's decision told to the drafter (an objection with its comment), and the release told to the
// drafter. Each goes only to users who may see the draft or cable, and is left after the change has committed:
// a notification that cannot be left never fails the change.
import type { Selectable } from "kysely";
import type { Cable } from "../../core/index.ts";
import type { DraftClearancesTable, DraftsTable } from "../../store/tables/messaging.ts";
import { locksOf, mayRead } from "../access/index.ts";
import { notify, type NewNotification } from "../notifications/notify.ts";
import { userById } from "../users/find-user.ts";
import { readerOf } from "../users/reader-of.ts";
import { userFromRow } from "../users/user-rows.ts";
import type { User } from "../users/user-schema.ts";
import { homePlad, isClearerOf, mayViewDraft } from "./draft-access.ts";
import { draftCable } from "./draft-rows.ts";
import type { WorkflowDeps } from "./workflow-deps.ts";

type DraftRow = Pick<Selectable<DraftsTable>, "id" | "created_by" | "origin_post" | "model">;
type ClearanceRow = Pick<Selectable<DraftClearancesTable>, "id" | "kind" | "clearer">;

/**
 * Tells the clearers of these clearances (the person named, or everyone in the office named) that they are asked to
 * clear the draft, but not the one asking nor the drafter; `revision` tells a new asking from one already told.
 * @example await noticeClearancesAsked(deps, row, clearances, [asked], dana, 1)
 */
export async function noticeClearancesAsked(
  deps: WorkflowDeps,
  row: DraftRow,
  clearances: ClearanceRow[],
  asked: ClearanceRow[],
  by: User,
  revision: number,
): Promise<void> {
  await quietly(deps, async () => {
    const cable = draftCable(row);
    const home = new Map<string, string | null>();
    const notices: NewNotification[] = [];
    for (const clearance of asked) {
      for (const clearer of await clearersOf(deps, clearance)) {
        if (clearer.id === by.id || clearer.id === row.created_by) continue;
        if (!home.has(clearer.id)) home.set(clearer.id, await homePlad(deps.store, clearer));
        if (!mayViewDraft(clearer, home.get(clearer.id)!, row, clearances, cable)) continue;
        notices.push({
          userId: clearer.id,
          kind: "clearance.requested",
          onceKey: `requested:${clearance.id}:${revision}:${clearer.id}`,
          draftId: row.id,
          actor: by.username,
          detail: { clearance: clearance.id, kind: clearance.kind, clearer: clearance.clearer },
        });
      }
    }
    await notify(deps, aboutDraft(cable), notices);
  });
}

/**
 * Tells the drafter that a clearer cleared or objected (with the comment), if they may still see the draft.
 * @example await noticeClearanceDecided(deps, row, clearances, clearance, "objected", "Say 'welcomes'", erin, 2)
 */
export async function noticeClearanceDecided(
  deps: WorkflowDeps,
  row: DraftRow,
  clearances: ClearanceRow[],
  clearance: ClearanceRow,
  status: "cleared" | "objected",
  comment: string | null,
  by: User,
  revision: number,
): Promise<void> {
  await quietly(deps, async () => {
    const drafter = await userById(deps.store, row.created_by);
    if (drafter === null || drafter.id === by.id) return;
    const cable = draftCable(row);
    if (!mayViewDraft(drafter, await homePlad(deps.store, drafter), row, clearances, cable)) return;
    await notify(deps, aboutDraft(cable), [
      {
        userId: drafter.id,
        kind: status === "cleared" ? "clearance.cleared" : "clearance.objected",
        onceKey: `${status}:${clearance.id}:${revision}`,
        draftId: row.id,
        actor: by.username,
        comment,
        detail: { clearance: clearance.id, kind: clearance.kind, clearer: clearance.clearer },
      },
    ]);
  });
}

/**
 * Tells the drafter their draft went out as a cable (not when they released it themselves), if they may read it.
 * @example await noticeReleased(deps, row, cable, ada)
 */
export async function noticeReleased(deps: WorkflowDeps, row: DraftRow, cable: Cable, by: User): Promise<void> {
  await quietly(deps, async () => {
    const drafter = await userById(deps.store, row.created_by);
    if (drafter === null || drafter.id === by.id || !mayRead(readerOf(drafter), cable)) return;
    await notify(deps, { subject: cable.subject, classification: cable.classification }, [
      {
        userId: drafter.id,
        kind: "cable.released",
        onceKey: `released:${cable.id}`,
        draftId: row.id,
        cableId: cable.id,
        actor: by.username,
        detail: { precedence: cable.precedence },
      },
    ]);
  });
}

/** The users who answer a clearance: the person named, or everyone working in the office named. */
async function clearersOf(deps: WorkflowDeps, clearance: ClearanceRow): Promise<User[]> {
  if (clearance.kind === "user") {
    const row = await deps.store.db
      .selectFrom("users")
      .selectAll()
      .where("username", "=", clearance.clearer)
      .executeTakeFirst();
    return row ? [userFromRow(row)] : [];
  }
  // Offices are a JSON list per user: narrowed by text, then decided by the same rule as deciding (isClearerOf).
  const rows = await deps.store.db
    .selectFrom("users")
    .selectAll()
    .where("offices", "like", `%${JSON.stringify(clearance.clearer.toUpperCase())}%`)
    .execute();
  return rows.map(userFromRow).filter((u) => isClearerOf(u, clearance));
}

function aboutDraft(cable: Cable) {
  return { subject: cable.subject, classification: cable.classification, locks: locksOf(cable) };
}

/** Runs a notification step; the change it follows has committed, so a failure here is logged, never thrown. */
async function quietly(deps: WorkflowDeps, step: () => Promise<void>): Promise<void> {
  try {
    await step();
  } catch (error) {
    // The notification is lost, not the change: the draft's history and the queue still tell of it.
    deps.log?.error({ err: error }, "a notification could not be left");
  }
}
