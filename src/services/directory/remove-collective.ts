// Removes a collective; its posts stay in the directory.
import type { Store } from "../../store/open-store.ts";
import type { Collective } from "./directory-schema.ts";
import { requireCollective } from "./list-collectives.ts";
import { assertAdmin, type Acting } from "../acting.ts";

/**
 * Removes the collective of that name; COLLECTIVE_NOT_FOUND when there is none.
 * For an administrator or the system only (FORBIDDEN for anyone else).
 * @example await removeCollective(store, admin, "NATO CAPITALS") // the removed collective, with its members
 */
export async function removeCollective(store: Store, by: Acting, name: string): Promise<Collective> {
  assertAdmin(by, "removing a collective");
  const collective = await requireCollective(store, name);
  await store.db.transaction().execute(async (tx) => {
    await tx.deleteFrom("collective_members").where("collective", "=", collective.name).execute();
    await tx.deleteFrom("collectives").where("name", "=", collective.name).execute();
  });
  return collective;
}
