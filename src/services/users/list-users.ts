// Lists users, sorted by name.
import type { Store } from "../../store/open-store.ts";
import { userFromRow } from "./user-rows.ts";
import type { User } from "./user-schema.ts";

/**
 * Every user, sorted by name.
 * @example (await listUsers(store)).map((u) => u.username) // ["admin", "alice"]
 */
export async function listUsers(store: Store): Promise<User[]> {
  return (await store.db.selectFrom("users").selectAll().orderBy("username").execute()).map(userFromRow);
}
