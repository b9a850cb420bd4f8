// Lists the offices of the directory, optionally those of one post.
import type { Store } from "../../store/open-store.ts";
import { officeFromRow } from "./directory-rows.ts";
import { normalisePlad, type Office } from "./directory-schema.ts";

/**
 * Every office, sorted by code; with `post`, only that post's offices.
 * @example await listOffices(store, { post: "SECSTATE WASHDC" }) // [{ code: "EUR/SCE", ... }, ...]
 */
export async function listOffices(store: Store, filter: { post?: string } = {}): Promise<Office[]> {
  let query = store.db.selectFrom("offices").selectAll().orderBy("code");
  if (filter.post) query = query.where("post", "=", normalisePlad(filter.post));
  return (await query.execute()).map(officeFromRow);
}
