// Marks a user's notifications read: some by id or kind, or all.
import type { NotificationKind } from "../../core/notification-kinds.ts";
import type { Deps } from "../clock.ts";

type MarkProps = {
  /** Whose notifications; nobody marks another user's (an id of theirs is ignored). */
  userId: string;
  /** Which ones; all unread when absent. */
  ids?: readonly string[];
  /** Only these kinds (the saved-search page marks its matches alone); all when absent. */
  kinds?: readonly NotificationKind[];
};

/**
 * Marks the user's unread notifications (those named, or all) read now; returns how many it marked.
 * @example await markNotificationsRead(deps, { userId: dana.id, ids: [n.id] }) // 1
 */
export async function markNotificationsRead(
  { store, clock }: Deps,
  { userId, ids, kinds }: MarkProps,
): Promise<number> {
  if (ids !== undefined && ids.length === 0) return 0;
  let q = store.db
    .updateTable("notifications")
    .set({ read_at: clock.now().toISOString() })
    .where("user_id", "=", userId)
    .where("read_at", "is", null);
  if (ids !== undefined) q = q.where("id", "in", [...ids]);
  if (kinds !== undefined) q = q.where("kind", "in", [...kinds]);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
