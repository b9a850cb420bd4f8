// Lists a user's notifications, newest first, showing only what they may see now: a notification about a cable the
// user may no longer read (clearance lowered, caveat taken away) or a draft they no longer have a part in is left
// out of the list and the unread count, as if it had never been left.
import type { Selectable } from "kysely";
import type { NotificationKind } from "../../core/notification-kinds.ts";
import type { NotificationsTable } from "../../store/tables/notifications.ts";
import type { Store } from "../../store/open-store.ts";
import { readableBy } from "../access/readable-by.ts";
import { readerOf } from "../users/reader-of.ts";
import type { User } from "../users/user-schema.ts";
import { homePlad, mayViewDraft } from "../workflow/draft-access.ts";
import { draftCable } from "../workflow/draft-rows.ts";
import {
  NOTIFICATION_LIMIT,
  notificationFromRow,
  type Notification,
  type NotificationSubject,
} from "./notification.ts";

/** Unread notifications looked at for the count, at most: the count stops there (a badge of 1000 says enough). */
const UNREAD_SCAN = 1_000;

type ListProps = {
  /** Whose notifications, with their access now. */
  user: User;
  /** Only these kinds (the saved-search page lists its matches alone); all when absent. */
  kinds?: readonly NotificationKind[];
};

/**
 * The user's newest visible notifications (at most NOTIFICATION_LIMIT) and how many visible ones are unread.
 * @example await listNotifications(store, { user: dana })
 * // { notifications: [{ kind: "clearance.objected", actor: "erin", comment: "Say 'welcomes'", link: "/drafts/…" }], unread: 1 }
 */
export async function listNotifications(
  store: Store,
  { user, kinds }: ListProps,
): Promise<{ notifications: Notification[]; unread: number }> {
  const mine = () => {
    let q = store.db.selectFrom("notifications").selectAll().where("user_id", "=", user.id);
    if (kinds) q = q.where("kind", "in", [...kinds]);
    return q;
  };
  const [recent, unread] = await Promise.all([
    // Some of the newest may be hidden now: read a few more than shown.
    mine()
      .orderBy("at", "desc")
      .orderBy("id", "desc")
      .limit(NOTIFICATION_LIMIT * 2)
      .execute(),
    mine().where("read_at", "is", null).limit(UNREAD_SCAN).execute(),
  ]);
  const seen = await visibility(store, user, [...recent, ...unread]);
  return {
    notifications: recent
      .filter((r) => seen.has(r.id))
      .slice(0, NOTIFICATION_LIMIT)
      .map((r) => notificationFromRow(r, seen.get(r.id)!)),
    unread: unread.filter((r) => seen.has(r.id)).length,
  };
}

/** Of these notifications, those the user may see now, with what they may see of their draft or cable. */
async function visibility(
  store: Store,
  user: User,
  rows: Selectable<NotificationsTable>[],
): Promise<Map<string, NotificationSubject>> {
  const shown = new Map<string, NotificationSubject>();
  const cableIds = [...new Set(rows.flatMap((r) => (r.cable_id === null ? [] : [r.cable_id])))];
  const draftIds = [...new Set(rows.flatMap((r) => (r.cable_id === null && r.draft_id !== null ? [r.draft_id] : [])))];
  const cables = new Map<string, NotificationSubject>();
  if (cableIds.length > 0) {
    const readable = await store.db
      .selectFrom("cables as c")
      .select(["c.id", "c.subject", "c.classification"])
      .where("c.id", "in", cableIds)
      .where(readableBy(readerOf(user), "c"))
      .execute();
    for (const c of readable) cables.set(c.id, { subject: c.subject, classification: c.classification });
  }
  const drafts = new Map<string, NotificationSubject>();
  if (draftIds.length > 0) {
    const [draftRows, clearances, home] = await Promise.all([
      store.db
        .selectFrom("drafts")
        .select(["id", "model", "created_by", "origin_post"])
        .where("id", "in", draftIds)
        .execute(),
      store.db
        .selectFrom("draft_clearances")
        .select(["draft_id", "kind", "clearer"])
        .where("draft_id", "in", draftIds)
        .execute(),
      homePlad(store, user),
    ]);
    for (const d of draftRows) {
      const cable = draftCable(d);
      const asked = clearances.filter((c) => c.draft_id === d.id);
      if (mayViewDraft(user, home, d, asked, cable)) {
        drafts.set(d.id, { subject: cable.subject, classification: cable.classification });
      }
    }
  }
  for (const r of rows) {
    const about =
      r.cable_id !== null ? cables.get(r.cable_id) : r.draft_id !== null ? drafts.get(r.draft_id) : undefined;
    if (about) shown.set(r.id, about);
  }
  return shown;
}
