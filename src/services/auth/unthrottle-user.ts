// Lifts the sign-in throttles of a user's account, for an administrator helping a user who is made to wait.
import { clearAccountThrottles } from "./sign-in-throttle.ts";
import type { Deps } from "../clock.ts";
import { requireUser } from "../users/find-user.ts";
import type { User } from "../users/user-schema.ts";
import { assertAdmin, type Acting } from "../acting.ts";

/**
 * Forgets the failed sign-ins counted against the account from every address, so the user may sign in at once.
 * USER_NOT_FOUND for an unknown name. `addresses` says how many addresses were throttling it (0: nothing to lift).
 * For an administrator or the system only (FORBIDDEN for anyone else).
 * @example await unthrottleUser(deps, admin, "alice") // { user: { username: "alice", ... }, addresses: 1 }
 */
export async function unthrottleUser(
  deps: Deps,
  by: Acting,
  username: string,
): Promise<{ user: User; addresses: number }> {
  assertAdmin(by, "lifting a user's sign-in throttles");
  const user = await requireUser(deps.store, username);
  return { user, addresses: await clearAccountThrottles(deps, user.username) };
}
