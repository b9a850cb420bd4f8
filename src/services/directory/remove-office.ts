// Removes an office from the directory.
import type { Store } from "../../store/open-store.ts";
import { CablegramError } from "../errors.ts";
import { officeFromRow } from "./directory-rows.ts";
import type { Office } from "./directory-schema.ts";
import { requirePost } from "./find-post.ts";
import { assertAdmin, type Acting } from "../acting.ts";

/**
 * Removes the office with that code (any case) at the post named (PLAD or station). Without a post, the code must
 * name one office only: POL is at every embassy, so removing it names the post (INVALID_INPUT otherwise).
 * OFFICE_NOT_FOUND when there is none. For an administrator or the system only (FORBIDDEN for anyone else).
 * @example await removeOffice(store, admin, "pol", "PANAMA") // { code: "POL", post: "AMEMBASSY PANAMA", ... }
 * @example await removeOffice(store, admin, "eur/sce") // { code: "EUR/SCE", post: "SECSTATE WASHDC", ... }
 */
export async function removeOffice(store: Store, by: Acting, code: string, post?: string | null): Promise<Office> {
  assertAdmin(by, "removing an office");
  const wanted = code.trim().toUpperCase();
  const at = post ? (await requirePost(store, post)).name : null;
  let query = store.db.selectFrom("offices").selectAll().where("code", "=", wanted);
  if (at !== null) query = query.where("post", "=", at);
  const rows = await query.limit(2).execute();
  const where = at === null ? "" : ` at ${at}`;
  if (rows.length === 0) {
    throw new CablegramError("OFFICE_NOT_FOUND", `No office ${JSON.stringify(wanted)}${where} in the directory.`);
  }
  if (rows.length > 1) {
    throw new CablegramError(
      "INVALID_INPUT",
      `Several posts have an office ${wanted}: name the post whose office to remove.`,
      { code: wanted },
    );
  }
  const row = rows[0]!;
  await store.db
    .deleteFrom("offices")
    .where("code", "=", wanted)
    .where("post", row.post === null ? "is" : "=", row.post)
    .execute();
  return officeFromRow(row);
}
