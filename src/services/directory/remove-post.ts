// Removes a post with its offices (keyed per post, they mean nothing without it); it leaves its collectives.
import type { Store } from "../../store/open-store.ts";
import type { Post } from "./directory-schema.ts";
import { requirePost } from "./find-post.ts";
import { assertAdmin, type Acting } from "../acting.ts";

/**
 * Removes the post a reference names (PLAD or station); POST_NOT_FOUND when there is none.
 * For an administrator or the system only (FORBIDDEN for anyone else).
 * @example await removePost(store, admin, "AMEMBASSY PARIS") // the removed post
 */
export async function removePost(store: Store, by: Acting, ref: string): Promise<Post> {
  assertAdmin(by, "removing a post");
  const post = await requirePost(store, ref);
  await store.db.transaction().execute(async (tx) => {
    // Explicit, so that the result does not depend on the connection's foreign-key setting.
    await tx.deleteFrom("collective_members").where("post", "=", post.name).execute();
    await tx.deleteFrom("offices").where("post", "=", post.name).execute();
    await tx.deleteFrom("posts").where("name", "=", post.name).execute();
  });
  return post;
}
