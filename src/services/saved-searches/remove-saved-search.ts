// Removes one of a user's saved searches.
import type { Deps } from "../clock.ts";
import { CablegramError } from "../errors.ts";

type RemoveProps = {
  /** Whose search; another user's is "not found", like a missing one. */
  userId: string;
  id: string;
};

/**
 * Removes a saved search; SAVED_SEARCH_NOT_FOUND when the user has none with that id.
 * @example await removeSavedSearch(deps, { userId: user.id, id: saved.id })
 */
export async function removeSavedSearch({ store }: Pick<Deps, "store">, { userId, id }: RemoveProps): Promise<void> {
  const result = await store.db
    .deleteFrom("saved_searches")
    .where("id", "=", id)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) {
    throw new CablegramError("SAVED_SEARCH_NOT_FOUND", `You have no saved search ${JSON.stringify(id)}.`, { id });
  }
}
