// Marks all of a user's saved-search notices read.
import type { Deps } from "../clock.ts";

type MarkProps = {
  /** Whose notices; nobody marks another user's. */
  userId: string;
};

/**
 * Marks every unread notice of the user read, now; returns how many it marked.
 * @example await markSearchNoticesRead(deps, { userId: user.id }) // 3
 */
export async function markSearchNoticesRead({ store, clock }: Deps, { userId }: MarkProps): Promise<number> {
  const result = await store.db
    .updateTable("search_notices")
    .set({ read_at: clock.now().toISOString() })
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
