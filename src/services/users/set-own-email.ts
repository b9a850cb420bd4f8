// A user sets or removes their own e-mail address, where notifications are mailed (administrators may set anyone's
// through updateUser).
import type { Deps } from "../clock.ts";
import { parseInput } from "../parse-input.ts";
import { userFromRow } from "./user-rows.ts";
import { EmailSchema, type User } from "./user-schema.ts";

/**
 * Sets the user's own e-mail address (null or "" removes it); INVALID_INPUT for one that is not an address.
 * @example await setOwnEmail(deps, dana, "dana@state.example") // { ...dana, email: "dana@state.example" }
 */
export async function setOwnEmail({ store, clock }: Deps, user: User, email: string | null): Promise<User> {
  const address = parseInput(EmailSchema, email, "e-mail address");
  await store.db
    .updateTable("users")
    .set({ email: address, updated_at: clock.now().toISOString() })
    .where("id", "=", user.id)
    .execute();
  const row = await store.db.selectFrom("users").selectAll().where("id", "=", user.id).executeTakeFirstOrThrow();
  return userFromRow(row);
}
