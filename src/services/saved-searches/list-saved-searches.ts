// Lists a user's saved searches: theirs only, by name.
import type { Deps } from "../clock.ts";
import { SAVED_SEARCH_COLUMNS, savedSearchFromRow, type SavedSearch } from "./saved-search.ts";

type ListProps = {
  /** Whose searches; nobody sees another user's. */
  userId: string;
};

/**
 * A user's saved searches, in the order of their names (case aside).
 * @example await listSavedSearches(deps, { userId: user.id }) // [{ id: "…", name: "Kosovo", query: "kosovo", ... }]
 */
export async function listSavedSearches({ store }: Pick<Deps, "store">, { userId }: ListProps): Promise<SavedSearch[]> {
  const rows = await store.db
    .selectFrom("saved_searches")
    .select(SAVED_SEARCH_COLUMNS)
    .where("user_id", "=", userId)
    .orderBy("name_key")
    .orderBy("id")
    .execute();
  return rows.map(savedSearchFromRow);
}
