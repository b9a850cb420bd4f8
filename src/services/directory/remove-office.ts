// Removes an office from the directory.
import type { Store } from "../../store/open-store.ts";
import { CablegramError } from "../errors.ts";
import { officeFromRow } from "./directory-rows.ts";
import type { Office } from "./directory-schema.ts";
import { assertAdmin, type Acting } from "../acting.ts";

/**
 * Removes the office with that code (any case); OFFICE_NOT_FOUND when there is none.
 * For an administrator or the system only (FORBIDDEN for anyone else).
 * @example await removeOffice(store, admin, "eur/sce") // { code: "EUR/SCE", ... }
 */
export async function removeOffice(store: Store, by: Acting, code: string): Promise<Office> {
  assertAdmin(by, "removing an office");
  const wanted = code.trim().toUpperCase();
  const row = await store.db.selectFrom("offices").selectAll().where("code", "=", wanted).executeTakeFirst();
  if (!row) throw new CablegramError("OFFICE_NOT_FOUND", `No office ${JSON.stringify(wanted)} in the directory.`);
  await store.db.deleteFrom("offices").where("code", "=", wanted).execute();
  return officeFromRow(row);
}
