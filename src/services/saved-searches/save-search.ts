// Saves a search under a name for its user, once the query is known to be readable; audited.
import { randomUUID } from "node:crypto";
import { recordAudit } from "../audit/record-audit.ts";
import type { Deps } from "../clock.ts";
import { CablegramError } from "../errors.ts";
import { parseInput } from "../parse-input.ts";
import { isSearchQueryError, parseSearchQuery } from "../../core/search-language.ts";
import {
  MAX_SAVED_SEARCHES,
  nameKey,
  NewSavedSearchSchema,
  ownerActor,
  savedSearchFromRow,
  searchAuditDetail,
  type NewSavedSearch,
  type SavedSearch,
  type SearchOwner,
} from "./saved-search.ts";

type SaveProps = {
  /** Whose search it becomes; the audit entry names them. */
  user: SearchOwner;
  search: NewSavedSearch;
};

/**
 * Saves a search. INVALID_INPUT for an empty or overlong name or query, BAD_QUERY (with `position`) for a query the
 * search language cannot read, SAVED_SEARCH_NAME_TAKEN when the user has a search of that name (case aside), and
 * SAVED_SEARCHES_FULL past MAX_SAVED_SEARCHES. Writes the audit entry `search.save` (the query as its target; id,
 * name and sort as detail) in the transaction that saves it, as every search is audited: a saved query is one the
 * user means to run again. A refused save is not recorded.
 * @example await saveSearch(deps, { user, search: { name: "Kosovo", query: "kosovo tag:PREL" } })
 * // { id: "…", name: "Kosovo", query: "kosovo tag:PREL", sort: null, createdAt: "2024-05-01T09:00:00.000Z", watch: false }
 * // audit: alice search.save "kosovo tag:PREL" id=… name=Kosovo sort=null
 */
export async function saveSearch({ store, clock }: Deps, { user, search }: SaveProps): Promise<SavedSearch> {
  const userId = user.id;
  const fields = parseInput(NewSavedSearchSchema, search, "saved search");
  const parsed = parseSearchQuery(fields.query);
  if (isSearchQueryError(parsed)) {
    throw new CablegramError("BAD_QUERY", `${parsed.message} (at ${parsed.position})`, { position: parsed.position });
  }
  const row = {
    id: randomUUID(),
    user_id: userId,
    name: fields.name,
    name_key: nameKey(fields.name),
    query: fields.query,
    sort: fields.sort ?? null,
    created_at: clock.now().toISOString(),
    watch: 0,
  };
  const saved = savedSearchFromRow(row);
  try {
    await store.transaction(async (txStore) => {
      const tx = txStore.db;
      const { count } = await tx
        .selectFrom("saved_searches")
        .select((eb) => eb.fn.countAll<number>().as("count"))
        .where("user_id", "=", userId)
        .executeTakeFirstOrThrow();
      if (Number(count) >= MAX_SAVED_SEARCHES) {
        throw new CablegramError(
          "SAVED_SEARCHES_FULL",
          `You have ${MAX_SAVED_SEARCHES} saved searches; remove one first.`,
        );
      }
      const taken = await tx
        .selectFrom("saved_searches")
        .select("id")
        .where("user_id", "=", userId)
        .where("name_key", "=", row.name_key)
        .executeTakeFirst();
      if (taken) throw nameTaken(row.name);
      await tx.insertInto("saved_searches").values(row).execute();
      await recordAudit(
        { store: txStore, clock },
        { actor: ownerActor(user), action: "search.save", target: row.query, detail: searchAuditDetail(saved) },
      );
    });
  } catch (error) {
    // Two saves of one name at once: the unique constraint decides, and the loser hears why.
    if (isUniqueViolation(error)) throw nameTaken(row.name);
    throw error;
  }
  return saved;
}

function nameTaken(name: string): CablegramError {
  return new CablegramError(
    "SAVED_SEARCH_NAME_TAKEN",
    `You have a saved search named ${JSON.stringify(name)} already.`,
    {
      name,
    },
  );
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}
