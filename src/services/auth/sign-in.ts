// Signing in with a username and password: throttled per account and address and per address, answering one error
// for both unknown names and wrong passwords.
import type { Deps } from "../clock.ts";
import { CablegramError } from "../errors.ts";
import { findUser } from "../users/find-user.ts";
import type { User } from "../users/user-schema.ts";
import { burnPasswordCheck, verifyPassword } from "../users/password-hash.ts";
import { createSession, type NewSession } from "./sessions.ts";
import { assertNotLocked, clearFailures, recordFailure, throttleKeys } from "./sign-in-throttle.ts";

export type SignInProps = {
  username: string;
  password: string;
  /** The client's address, for the per-address failure count. */
  ip: string;
};

/**
 * Checks a username and password and opens a session. RATE_LIMITED, without checking the password, while this
 * account must wait from this address (after 3 failures in 15 minutes: 1 s, 2 s, 4 s ... up to 15 minutes) or
 * while the address is locked out (20 failures over any names in 15 minutes lock it for 15 minutes); the same
 * account from another address is not held up. BAD_CREDENTIALS for an unknown name, a wrong password or a
 * token-only account, all alike and all taking the same time.
 * @example const { user, session } = await signIn(deps, { username: "alice", password: "...", ip: "127.0.0.1" })
 */
export async function signIn(
  deps: Deps,
  { username, password, ip }: SignInProps,
): Promise<{ user: User; session: NewSession }> {
  const keys = throttleKeys(username, ip);
  await assertNotLocked(deps, keys);
  const row = await deps.store.db
    .selectFrom("users")
    .select(["password_hash"])
    .where("username", "=", username.trim().toLowerCase())
    .executeTakeFirst();
  const ok = row?.password_hash ? await verifyPassword(password, row.password_hash) : await burnPasswordCheck(password);
  const user = ok ? await findUser(deps.store, username) : null;
  if (!user) {
    await recordFailure(deps, keys);
    throw new CablegramError("BAD_CREDENTIALS");
  }
  // Only the account from this address is forgiven: one good sign-in must not reset an address that is spraying
  // guesses at others.
  await clearFailures(deps, keys.slice(0, 1));
  return { user, session: await createSession(deps, user.id) };
}
