// Removes one of a user's saved searches; audited.
import { recordAudit } from "../audit/record-audit.ts";
import type { Deps } from "../clock.ts";
import {
  ownerActor,
  SAVED_SEARCH_COLUMNS,
  savedSearchFromRow,
  savedSearchNotFound,
  searchAuditDetail,
  type SearchOwner,
} from "./saved-search.ts";

type RemoveProps = {
  /** Whose search; another user's is "not found", like a missing one. The audit entry names them. */
  user: SearchOwner;
  id: string;
};

/**
 * Removes a saved search; SAVED_SEARCH_NOT_FOUND when the user has none with that id. Writes the audit entry
 * `search.remove` (the query as its target; id, name and sort as detail) in the transaction that removes it; a
 * miss is not recorded.
 * @example await removeSavedSearch(deps, { user, id: saved.id })
 * // audit: alice search.remove "kosovo tag:PREL" id=… name=Kosovo sort=null
 */
export async function removeSavedSearch({ store, clock }: Deps, { user, id }: RemoveProps): Promise<void> {
  await store.transaction(async (txStore) => {
    const tx = txStore.db;
    const row = await tx
      .deleteFrom("saved_searches")
      .where("id", "=", id)
      .where("user_id", "=", user.id)
      .returning(SAVED_SEARCH_COLUMNS)
      .executeTakeFirst();
    if (!row) throw savedSearchNotFound(id);
    const removed = savedSearchFromRow(row);
    await recordAudit(
      { store: txStore, clock },
      { actor: ownerActor(user), action: "search.remove", target: removed.query, detail: searchAuditDetail(removed) },
    );
  });
}
