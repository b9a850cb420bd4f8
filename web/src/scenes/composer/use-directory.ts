// The directory for the composer's autocomplete: posts, offices and collectives, fetched once per composer.
import { useApi } from "../../stores/use-api.ts";
import type { Collective, Office, Post } from "../../api/types.ts";
import type { DirectoryLists } from "./addressee-suggestions.ts";

/**
 * The directory lists (empty until loaded; autocomplete simply has nothing to offer meanwhile).
 * @example const directory = useDirectory(); suggestAddressees(directory, "pana")
 */
export function useDirectory(): DirectoryLists {
  const posts = useApi<Post[]>("/api/directory/posts");
  const offices = useApi<Office[]>("/api/directory/offices");
  const collectives = useApi<Collective[]>("/api/directory/collectives");
  return {
    posts: posts.data ?? EMPTY_POSTS,
    offices: offices.data ?? EMPTY_OFFICES,
    collectives: collectives.data ?? EMPTY_COLLECTIVES,
  };
}

// Stable empty lists, so memoised suggestions do not recompute on every render before the directory arrives.
const EMPTY_POSTS: Post[] = [];
const EMPTY_OFFICES: Office[] = [];
const EMPTY_COLLECTIVES: Collective[] = [];
