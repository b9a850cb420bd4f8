// Sets (or clears) a user's password, ending their browser sessions.
import type { Deps } from "../clock.ts";
import { parseInput } from "../parse-input.ts";
import { hashPassword } from "./password-hash.ts";
import { requireUser } from "./find-user.ts";
import { PasswordSchema, type User } from "./user-schema.ts";
import { assertAdmin, type Acting } from "../acting.ts";

/**
 * Sets a user's password (null clears it: token-only). Every session of the user ends, so a password changed
 * after a compromise locks the intruder out; API tokens stay (revoke them separately).
 * For an administrator or the system only (FORBIDDEN for anyone else).
 * @example await setPassword(deps, admin, "alice", "a new long passphrase")
 */
export async function setPassword(
  { store, clock }: Deps,
  by: Acting,
  username: string,
  password: string | null,
): Promise<User> {
  assertAdmin(by, "setting a user's password");
  const user = await requireUser(store, username);
  const hash = password === null ? null : await hashPassword(parseInput(PasswordSchema, password, "password"));
  await store.db.transaction().execute(async (tx) => {
    await tx
      .updateTable("users")
      .set({ password_hash: hash, updated_at: clock.now().toISOString() })
      .where("id", "=", user.id)
      .execute();
    await tx.deleteFrom("sessions").where("user_id", "=", user.id).execute();
  });
  return { ...user, hasPassword: hash !== null };
}
