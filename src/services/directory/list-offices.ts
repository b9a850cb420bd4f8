// Lists the offices of the directory, optionally those of one post.
import type { Store } from "../../store/open-store.ts";
import { officeFromRow } from "./directory-rows.ts";
import { normalisePlad, type Office } from "./directory-schema.ts";
import { findPost } from "./find-post.ts";

/**
 * Every office, sorted by code then post; with `post` (PLAD or station), only that post's offices.
 * @example await listOffices(store, { post: "SECSTATE WASHDC" }) // [{ code: "EUR/SCE", ... }, ...]
 * @example await listOffices(store, { post: "PANAMA" }) // [{ code: "CONS", post: "AMEMBASSY PANAMA", ... }, ...]
 */
export async function listOffices(store: Store, filter: { post?: string } = {}): Promise<Office[]> {
  let query = store.db.selectFrom("offices").selectAll().orderBy("code").orderBy("post");
  if (filter.post)
    query = query.where("post", "=", (await findPost(store, filter.post))?.name ?? normalisePlad(filter.post));
  return (await query.execute()).map(officeFromRow);
}
