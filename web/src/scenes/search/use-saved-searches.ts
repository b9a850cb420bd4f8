// The user's saved searches, kept on the server so they follow the user to any browser: the list, and saving and
// removing, and turning a watch on or off, each followed by a fresh list.
import { useCallback } from "react";
import { api, segment } from "../../api/client.ts";
import type { SavedSearch } from "../../api/types.ts";
import { useApi, type Resource } from "../../stores/use-api.ts";
import type { SearchSort } from "./use-search-results.ts";

export type SavedSearches = Resource<SavedSearch[]> & {
  save: (name: string, query: string, sort: SearchSort | undefined) => Promise<SavedSearch>;
  remove: (id: string) => Promise<void>;
  watch: (id: string, on: boolean) => Promise<void>;
};

/**
 * Loads the saved searches and offers save and remove; errors (SAVED_SEARCH_NAME_TAKEN, ...) reach the caller.
 * @example const saved = useSavedSearches(); await saved.save("Kosovo", "kosovo tag:PREL", "date")
 */
export function useSavedSearches(): SavedSearches {
  const resource = useApi<SavedSearch[]>("/api/saved-searches");
  const { reload } = resource;
  const save = useCallback(
    async (name: string, query: string, sort: SearchSort | undefined) => {
      const saved = await api<SavedSearch>("POST", "/api/saved-searches", { name, query, sort: sort ?? null });
      reload();
      return saved;
    },
    [reload],
  );
  const remove = useCallback(
    async (id: string) => {
      await api<void>("DELETE", `/api/saved-searches/${segment(id)}`);
      reload();
    },
    [reload],
  );
  const watch = useCallback(
    async (id: string, on: boolean) => {
      await api<SavedSearch>("PUT", `/api/saved-searches/${segment(id)}/watch`, { watch: on });
      reload();
    },
    [reload],
  );
  return { ...resource, save, remove, watch };
}
