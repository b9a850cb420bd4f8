// Marks all of a user's saved-search notices read (their other notifications stay as they are).
import type { Deps } from "../clock.ts";
import { markNotificationsRead } from "../notifications/mark-notifications-read.ts";

type MarkProps = {
  /** Whose notices; nobody marks another user's. */
  userId: string;
};

/**
 * Marks every unread saved-search notice of the user read, now; returns how many it marked.
 * @example await markSearchNoticesRead(deps, { userId: user.id }) // 3
 */
export async function markSearchNoticesRead(deps: Deps, { userId }: MarkProps): Promise<number> {
  return markNotificationsRead(deps, { userId, kinds: ["search.matched"] });
}
