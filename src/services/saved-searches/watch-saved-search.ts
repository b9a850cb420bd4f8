// Turns a saved search's watch on or off: watching, each newly archived or released cable it matches leaves its
// owner a notice (notify-watching-searches.ts); audited.
import { recordAudit } from "../audit/record-audit.ts";
import type { Deps } from "../clock.ts";
import {
  ownerActor,
  SAVED_SEARCH_COLUMNS,
  savedSearchNotFound,
  savedSearchFromRow,
  searchAuditDetail,
  type SavedSearch,
  type SearchOwner,
} from "./saved-search.ts";

type WatchProps = {
  /** Whose search; another user's is "not found", like a missing one. The audit entry names them. */
  user: SearchOwner;
  id: string;
  watch: boolean;
};

/**
 * Sets whether a saved search watches; SAVED_SEARCH_NOT_FOUND when the user has none with that id. Writes the audit
 * entry `search.watch` (the query as its target; id, name, sort and watch as detail) in the same transaction.
 * @example await watchSavedSearch(deps, { user, id: saved.id, watch: true }) // { ..., watch: true }
 */
export async function watchSavedSearch({ store, clock }: Deps, { user, id, watch }: WatchProps): Promise<SavedSearch> {
  return store.transaction(async (txStore) => {
    const row = await txStore.db
      .updateTable("saved_searches")
      .set({ watch: watch ? 1 : 0 })
      .where("id", "=", id)
      .where("user_id", "=", user.id)
      .returning(SAVED_SEARCH_COLUMNS)
      .executeTakeFirst();
    if (!row) throw savedSearchNotFound(id);
    const saved = savedSearchFromRow(row);
    await recordAudit(
      { store: txStore, clock },
      {
        actor: ownerActor(user),
        action: "search.watch",
        target: saved.query,
        detail: { ...searchAuditDetail(saved), watch },
      },
    );
    return saved;
  });
}
