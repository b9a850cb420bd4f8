// Takes a post out of a collective (idempotent: a post not in it is no error).
import type { Store } from "../../store/open-store.ts";
import type { Collective } from "./directory-schema.ts";
import { requirePost } from "./find-post.ts";
import { requireCollective } from "./list-collectives.ts";
import { assertAdmin, type Acting } from "../acting.ts";

/**
 * Removes the post a reference names (PLAD or station) from a collective and returns the collective.
 * For an administrator or the system only (FORBIDDEN for anyone else).
 * @example await removeCollectiveMember(store, admin, "NATO CAPITALS", "ROME") // { members: [...without ROME] }
 */
export async function removeCollectiveMember(store: Store, by: Acting, collectiveName: string, postRef: string) {
  assertAdmin(by, "removing a post from a collective");
  const collective: Collective = await requireCollective(store, collectiveName);
  const post = await requirePost(store, postRef);
  await store.db
    .deleteFrom("collective_members")
    .where("collective", "=", collective.name)
    .where("post", "=", post.name)
    .execute();
  return requireCollective(store, collective.name);
}
