// Lists the posts of the directory, optionally of one kind or country.
import type { Store } from "../../store/open-store.ts";
import { postFromRow } from "./directory-rows.ts";
import type { Post, PostKind } from "./directory-schema.ts";

export type ListPostsFilter = {
  kind?: PostKind;
  /** FIPS 10-4 country code: `FR`. */
  country?: string;
};

/**
 * Every post, sorted by PLAD.
 * @example await listPosts(store, { country: "FR" }) // [{ name: "AMCONSUL MARSEILLE", ... }, { name: "AMEMBASSY PARIS", ... }]
 */
export async function listPosts(store: Store, filter: ListPostsFilter = {}): Promise<Post[]> {
  let query = store.db.selectFrom("posts").selectAll().orderBy("name");
  if (filter.kind) query = query.where("kind", "=", filter.kind);
  if (filter.country) query = query.where("country", "=", filter.country.toUpperCase());
  return (await query.execute()).map(postFromRow);
}
