// Lists a user's notices from their watching saved searches, newest first: the `search.matched` notifications,
// only of cables they may read now.
import type { Store } from "../../store/open-store.ts";
import { listNotifications } from "../notifications/list-notifications.ts";
import type { User } from "../users/user-schema.ts";

/** A new cable that matched one of the user's watching saved searches. */
export type SearchNotice = {
  id: string;
  searchId: string;
  /** The saved search's name. */
  name: string;
  cableId: string;
  subject: string | null;
  /** When the match was found. */
  at: string;
  read: boolean;
};

type ListProps = {
  /** Whose notices, with their access now: a notice of a cable they may no longer read is not shown. */
  user: User;
};

/**
 * The user's newest notices (at most NOTIFICATION_LIMIT) and how many of theirs are unread.
 * @example await listSearchNotices(store, { user })
 * // { notices: [{ id: "…", name: "Kosovo", cableId: "09STATE100", subject: "…", at: "…", read: false }], unread: 1 }
 */
export async function listSearchNotices(
  store: Store,
  { user }: ListProps,
): Promise<{ notices: SearchNotice[]; unread: number }> {
  const { notifications, unread } = await listNotifications(store, { user, kinds: ["search.matched"] });
  return {
    notices: notifications.map((n) => ({
      id: n.id,
      searchId: String(n.detail?.searchId ?? ""),
      name: String(n.detail?.name ?? ""),
      cableId: n.cableId ?? "",
      subject: n.subject,
      at: n.at,
      read: n.read,
    })),
    unread,
  };
}
