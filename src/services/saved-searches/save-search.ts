// Saves a search under a name for its user, once the query is known to be readable.
import { randomUUID } from "node:crypto";
import type { Deps } from "../clock.ts";
import { CablegramError } from "../errors.ts";
import { parseInput } from "../parse-input.ts";
import { isSearchQueryError, parseSearchQuery } from "../search/query-language.ts";
import {
  MAX_SAVED_SEARCHES,
  nameKey,
  NewSavedSearchSchema,
  savedSearchFromRow,
  type NewSavedSearch,
  type SavedSearch,
} from "./saved-search.ts";

type SaveProps = {
  /** Whose search it becomes. */
  userId: string;
  search: NewSavedSearch;
};

/**
 * Saves a search. INVALID_INPUT for an empty or overlong name or query, BAD_QUERY (with `position`) for a query the
 * search language cannot read, SAVED_SEARCH_NAME_TAKEN when the user has a search of that name (case aside), and
 * SAVED_SEARCHES_FULL past MAX_SAVED_SEARCHES.
 * @example await saveSearch(deps, { userId: user.id, search: { name: "Kosovo", query: "kosovo tag:PREL" } })
 * // { id: "…", name: "Kosovo", query: "kosovo tag:PREL", sort: null, createdAt: "2024-05-01T09:00:00.000Z" }
 */
export async function saveSearch({ store, clock }: Deps, { userId, search }: SaveProps): Promise<SavedSearch> {
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
  };
  try {
    await store.db.transaction().execute(async (tx) => {
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
    });
  } catch (error) {
    // Two saves of one name at once: the unique constraint decides, and the loser hears why.
    if (isUniqueViolation(error)) throw nameTaken(row.name);
    throw error;
  }
  return savedSearchFromRow(row);
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
