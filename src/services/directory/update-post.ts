// Changes fields of a post: its station, routing indicator, country, kind or time zone.
import type { Store } from "../../store/open-store.ts";
import { parseInput } from "../parse-input.ts";
import { postToRow } from "./directory-rows.ts";
import { PostPatchSchema, type Post, type PostPatch } from "./directory-schema.ts";
import { requirePost } from "./find-post.ts";
import { assertAdmin, type Acting } from "../acting.ts";

/**
 * Applies a patch to the post a reference names (PLAD or station); fields left out keep their value.
 * For an administrator or the system only (FORBIDDEN for anyone else).
 * @example await updatePost(store, admin, "PARIS", { routingIndicator: "RUEHFR" }) // { name: "AMEMBASSY PARIS", routingIndicator: "RUEHFR", ... }
 */
export async function updatePost(store: Store, by: Acting, ref: string, patch: PostPatch): Promise<Post> {
  assertAdmin(by, "changing a post");
  const changes = parseInput(PostPatchSchema, patch, "post");
  const post = await requirePost(store, ref);
  const updated: Post = { ...post, ...changes };
  const { name: _name, ...row } = postToRow(updated);
  await store.db.updateTable("posts").set(row).where("name", "=", post.name).execute();
  return updated;
}
