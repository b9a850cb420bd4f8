// Removes a user with their sessions and API tokens; the audit log keeps their name.
import type { Store } from "../../store/open-store.ts";
import { requireUser } from "./find-user.ts";
import type { User } from "./user-schema.ts";
import { assertAdmin, type Acting } from "../acting.ts";

/**
 * Removes a user; USER_NOT_FOUND when there is none. Sessions and tokens go with them at once.
 * For an administrator or the system only (FORBIDDEN for anyone else).
 * @example await removeUser(store, admin, "alice") // the removed user
 */
export async function removeUser(store: Store, by: Acting, username: string): Promise<User> {
  assertAdmin(by, "removing a user");
  const user = await requireUser(store, username);
  await store.db.transaction().execute(async (tx) => {
    await tx.deleteFrom("sessions").where("user_id", "=", user.id).execute();
    await tx.deleteFrom("api_tokens").where("user_id", "=", user.id).execute();
    await tx.deleteFrom("users").where("id", "=", user.id).execute();
  });
  return user;
}
