// Who may do what with a draft. A draft is a cable-to-be: the access rule applies to it as to the cable, and only
// people with a part in it (its post, its drafter, its clearers) see it at all.
import type { Selectable } from "kysely";
import type { Cable } from "../../core/index.ts";
import { locksOf, mayRead } from "../access/index.ts";
import type { Actor } from "../audit/audit-entry.ts";
import { findPost } from "../directory/index.ts";
import { CablegramError } from "../errors.ts";
import type { Viewer } from "../events/event-bus.ts";
import { readerOf } from "../users/reader-of.ts";
import { hasRole, type User } from "../users/user-schema.ts";
import type { Store } from "../../store/open-store.ts";
import type { DraftClearancesTable, DraftsTable } from "../../store/tables/messaging.ts";
import { draftCable } from "./draft-rows.ts";

/** The audit actor of a user. */
export function actorOf(user: User): Actor {
  return { userId: user.id, username: user.username };
}

/**
 * The PLAD of a user's home post (stored as a station), or null.
 * @example await homePlad(store, dana) // "SECSTATE WASHDC"
 */
export async function homePlad(store: Store, user: User): Promise<string | null> {
  if (user.post === null) return null;
  return (await findPost(store, user.post))?.name ?? null;
}

/** Whether a user is a clearer of one of these clearances: named, or working in the office named. */
export function isClearerOf(
  user: User,
  clearance: Pick<Selectable<DraftClearancesTable>, "kind" | "clearer">,
): boolean {
  if (clearance.kind === "user") return clearance.clearer === user.username;
  return user.offices.map((o) => o.toUpperCase()).includes(clearance.clearer.toUpperCase());
}

/**
 * Whether the user may see the draft: the access rule on its content, and a part in it (drafted it, works at its
 * originating post, is asked to clear it, or administers). `cable` is the draft's cable when the caller has read it
 * from the row already.
 * @example mayViewDraft(user, homePost, row, clearances) // true
 */
export function mayViewDraft(
  user: User,
  home: string | null,
  row: Pick<Selectable<DraftsTable>, "created_by" | "origin_post" | "model">,
  clearances: Pick<Selectable<DraftClearancesTable>, "kind" | "clearer">[],
  cable: Cable = draftCable(row),
): boolean {
  if (!mayRead(readerOf(user), cable)) return false;
  if (user.roles.includes("admin") || row.created_by === user.id || home === row.origin_post) return true;
  return clearances.some((c) => isClearerOf(user, c));
}

/**
 * Who may hear of a draft's events: the rule of `mayViewDraft`, for the event bus's `visibleTo`.
 * @example await bus.publish({ type: "draft.updated", cableId: id, visibleTo: draftViewers(row, clearances), data })
 */
export function draftViewers(
  row: Pick<Selectable<DraftsTable>, "created_by" | "origin_post" | "model">,
  clearances: Pick<Selectable<DraftClearancesTable>, "kind" | "clearer">[],
): (viewer: Viewer) => boolean {
  const cable = draftCable(row);
  return ({ user, home }) => mayViewDraft(user, home, row, clearances, cable);
}

/**
 * Throws FORBIDDEN unless the user drafts at the draft's post (or drafted it).
 * @example assertMayEdit(user, home, row)
 */
export function assertMayEdit(user: User, home: string | null, row: Selectable<DraftsTable>): void {
  if (!hasRole(user, "drafter"))
    throw new CablegramError("FORBIDDEN", "This needs the drafter role.", { role: "drafter" });
  if (row.created_by !== user.id && home !== row.origin_post && !user.roles.includes("admin")) {
    throw new CablegramError("FORBIDDEN", `Only drafters of ${row.origin_post} may change this draft.`);
  }
}

/**
 * Throws FORBIDDEN unless the user is an approver of the draft's originating post.
 * @example assertMayRelease(user, home, row)
 */
export function assertMayRelease(user: User, home: string | null, row: Selectable<DraftsTable>): void {
  if (!hasRole(user, "approver")) {
    throw new CablegramError("FORBIDDEN", "Releasing needs the approver role.", { role: "approver" });
  }
  if (home !== row.origin_post && !user.roles.includes("admin")) {
    throw new CablegramError("FORBIDDEN", `Only approvers of ${row.origin_post} may release this draft.`);
  }
}

/**
 * The locks of a draft's content, for events about it (the bus lets only readers who meet them hear of it).
 * @example draftLocks(row).classRank // 2
 */
export function draftLocks(row: Pick<Selectable<DraftsTable>, "model">) {
  return locksOf(draftCable(row));
}
