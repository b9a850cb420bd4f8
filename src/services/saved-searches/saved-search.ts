// A saved search as services and the API show it, the rules for its fields, and the row it is stored as.
import { z } from "zod";
import type { SavedSearchesTable } from "../../store/tables/saved-searches.ts";
import type { Actor } from "../audit/audit-entry.ts";
import { CablegramError } from "../errors.ts";
import type { User } from "../users/user-schema.ts";

/** How many searches one user may keep. */
export const MAX_SAVED_SEARCHES = 100;

export const SAVED_SEARCH_SORTS = ["relevance", "date"] as const;
export type SavedSearchSort = (typeof SAVED_SEARCH_SORTS)[number];

/** What a user gives to save a search. The query is checked against the search language separately. */
export const NewSavedSearchSchema = z.object({
  /** Shown in the user's list; unique per user, case aside. */
  name: z
    .string()
    .transform((s) => s.trim().replace(/\s+/g, " "))
    .pipe(z.string().min(1, "give the search a name").max(80, "at most 80 characters")),
  /** In the search language (SEARCH_HELP). */
  query: z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().min(1, "there is nothing to search for").max(1000, "at most 1000 characters")),
  /** Null or absent: the search's default order. */
  sort: z.enum(SAVED_SEARCH_SORTS).nullable().optional(),
});
export type NewSavedSearch = z.input<typeof NewSavedSearchSchema>;

/** Whose searches a change touches: the id owns them, the username names the change in the audit log. */
export type SearchOwner = Pick<User, "id" | "username">;

/**
 * The audit actor of an owner.
 * @example ownerActor(user) // { userId: "…", username: "alice" }
 */
export function ownerActor(owner: SearchOwner): Actor {
  return { userId: owner.id, username: owner.username };
}

/**
 * The audit entry's detail for a saved search: which one and under what name (the query is the entry's target).
 * @example searchAuditDetail(saved) // { id: "…", name: "Kosovo", sort: null }
 */
export function searchAuditDetail(search: Pick<SavedSearch, "id" | "name" | "sort">): Record<string, unknown> {
  return { id: search.id, name: search.name, sort: search.sort };
}

/** A saved search. */
export type SavedSearch = {
  id: string;
  name: string;
  query: string;
  sort: SavedSearchSort | null;
  createdAt: string;
  /** Whether a newly archived or released cable matching it leaves its owner a notice (watch-saved-search.ts). */
  watch: boolean;
};

/** The columns a saved search is read from (`savedSearchFromRow`). */
export const SAVED_SEARCH_COLUMNS = ["id", "name", "query", "sort", "created_at", "watch"] as const;

/**
 * SAVED_SEARCH_NOT_FOUND: the user has no saved search with that id (another user's is "not found" too).
 * @example throw savedSearchNotFound("…") // 404: You have no saved search "…".
 */
export function savedSearchNotFound(id: string): CablegramError {
  return new CablegramError("SAVED_SEARCH_NOT_FOUND", `You have no saved search ${JSON.stringify(id)}.`, { id });
}

/**
 * The saved search a row holds.
 * @example savedSearchFromRow(row) // { id: "…", name: "Kosovo", query: "kosovo tag:PREL", sort: null, createdAt: "…", watch: false }
 */
export function savedSearchFromRow(row: Omit<SavedSearchesTable, "user_id" | "name_key">): SavedSearch {
  const sort = (SAVED_SEARCH_SORTS as readonly string[]).includes(row.sort ?? "")
    ? (row.sort as SavedSearchSort)
    : null;
  return { id: row.id, name: row.name, query: row.query, sort, createdAt: row.created_at, watch: row.watch === 1 };
}

/**
 * The key a name is unique by: case and spacing do not make two names.
 * @example nameKey("  Kosovo   Recognition ") // "kosovo recognition"
 */
export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}
