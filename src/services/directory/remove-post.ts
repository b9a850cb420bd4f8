// Removes a post; it leaves the collectives it was in, and its offices keep going without a post.
import type { Store } from "../../store/open-store.ts";
import type { Post } from "./directory-schema.ts";
import { requirePost } from "./find-post.ts";

/**
 * Removes the post a reference names (PLAD or station); POST_NOT_FOUND when there is none.
 * @example await removePost(store, "AMEMBASSY PARIS") // the removed post
 */
export async function removePost(store: Store, ref: string): Promise<Post> {
  const post = await requirePost(store, ref);
  await store.db.transaction().execute(async (tx) => {
    // Explicit, so that the result does not depend on the connection's foreign-key setting.
    await tx.deleteFrom("collective_members").where("post", "=", post.name).execute();
    await tx.updateTable("offices").set({ post: null }).where("post", "=", post.name).execute();
    await tx.deleteFrom("posts").where("name", "=", post.name).execute();
  });
  return post;
}
