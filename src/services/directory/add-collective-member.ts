// Adds a post to a collective (idempotent: a post already in it stays once).
import type { Store } from "../../store/open-store.ts";
import type { Collective } from "./directory-schema.ts";
import { requirePost } from "./find-post.ts";
import { requireCollective } from "./list-collectives.ts";

/**
 * Adds the post a reference names (PLAD or station) to a collective and returns the collective.
 * @example await addCollectiveMember(store, "NATO CAPITALS", "ROME") // { members: [..., "AMEMBASSY ROME"] }
 */
export async function addCollectiveMember(store: Store, collectiveName: string, postRef: string): Promise<Collective> {
  const collective = await requireCollective(store, collectiveName);
  const post = await requirePost(store, postRef);
  if (!collective.members.includes(post.name)) {
    await store.db.insertInto("collective_members").values({ collective: collective.name, post: post.name }).execute();
  }
  return requireCollective(store, collective.name);
}
