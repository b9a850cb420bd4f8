// Adds a post to a collective (idempotent: a post already in it stays once).
import type { Store } from "../../store/open-store.ts";
import type { Collective } from "./directory-schema.ts";
import { requirePost } from "./find-post.ts";
import { requireCollective } from "./list-collectives.ts";
import { assertAdmin, type Acting } from "../acting.ts";

/**
 * Adds the post a reference names (PLAD or station) to a collective and returns the collective.
 * For an administrator or the system only (FORBIDDEN for anyone else).
 * @example await addCollectiveMember(store, admin, "NATO CAPITALS", "ROME") // { members: [..., "AMEMBASSY ROME"] }
 */
export async function addCollectiveMember(
  store: Store,
  by: Acting,
  collectiveName: string,
  postRef: string,
): Promise<Collective> {
  assertAdmin(by, "adding a post to a collective");
  const collective = await requireCollective(store, collectiveName);
  const post = await requirePost(store, postRef);
  if (!collective.members.includes(post.name)) {
    await store.db.insertInto("collective_members").values({ collective: collective.name, post: post.name }).execute();
  }
  return requireCollective(store, collective.name);
}
