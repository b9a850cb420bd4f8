// Failed sign-in counting per account and address together, with a growing delay, and per address alone, with a
// lockout against spraying guesses over many accounts. No count is per account alone: a stranger's wrong
// guesses must not lock the account's owner (or its administrator) out.
import { sql } from "kysely";
import type { Deps } from "../clock.ts";
import { CablegramError } from "../errors.ts";

/** How long a key must wait after its `failures`-th failure within the window (0: not at all). */
export type ThrottlePolicy = { windowMs: number; delayMs(failures: number): number };

const FIFTEEN_MINUTES = 15 * 60_000;

/**
 * One account from one address: three free guesses, then 1 s, 2 s, 4 s ... up to 15 minutes between attempts.
 * A user who mistypes a few times never waits; a guesser gets a few dozen tries an hour.
 */
export const ACCOUNT_ADDRESS_POLICY: ThrottlePolicy = {
  windowMs: FIFTEEN_MINUTES,
  delayMs: (failures) => (failures <= 3 ? 0 : Math.min(1000 * 2 ** (failures - 4), FIFTEEN_MINUTES)),
};

/** One address over any accounts: more, since offices share addresses behind a proxy; then 15 minutes' lockout. */
export const ADDRESS_POLICY: ThrottlePolicy = {
  windowMs: FIFTEEN_MINUTES,
  delayMs: (failures) => (failures >= 20 ? FIFTEEN_MINUTES : 0),
};

/** The key prefix of an account's throttles, one per address it was tried from. */
function accountPrefix(username: string): string {
  return `account:${username.trim().toLowerCase()}|from:`;
}

/** The keys a sign-in attempt counts against: the account from this address first, then the address. */
export function throttleKeys(username: string, ip: string): { key: string; policy: ThrottlePolicy }[] {
  return [
    { key: `${accountPrefix(username)}${ip}`, policy: ACCOUNT_ADDRESS_POLICY },
    { key: `ip:${ip}`, policy: ADDRESS_POLICY },
  ];
}

/**
 * Throws RATE_LIMITED (with `retryAfter` seconds) while any key must wait; checked before the password, so an
 * attempt during the wait is refused unchecked and gives no hint whether it was right.
 * @example await assertNotLocked(deps, throttleKeys("alice", "10.0.0.1"))
 */
export async function assertNotLocked({ store, clock }: Deps, keys: { key: string }[]): Promise<void> {
  const now = clock.now();
  const rows = await store.db
    .selectFrom("sign_in_failures")
    .selectAll()
    .where(
      "key",
      "in",
      keys.map((k) => k.key),
    )
    .execute();
  const until = rows
    .map((r) => (r.locked_until ? new Date(r.locked_until) : null))
    .filter((d): d is Date => d !== null && d > now)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  if (until) {
    const retryAfter = Math.ceil((until.getTime() - now.getTime()) / 1000);
    throw new CablegramError("RATE_LIMITED", `Too many failed sign-ins; try again in ${retryAfter} s.`, { retryAfter });
  }
}

/**
 * Counts one failure against each key, making it wait as long as its policy says from now.
 * @example await recordFailure(deps, throttleKeys("alice", "10.0.0.1"))
 */
export async function recordFailure(
  { store, clock }: Deps,
  keys: { key: string; policy: ThrottlePolicy }[],
): Promise<void> {
  const now = clock.now();
  await store.db.transaction().execute(async (tx) => {
    for (const { key, policy } of keys) {
      const row = await tx.selectFrom("sign_in_failures").selectAll().where("key", "=", key).executeTakeFirst();
      const fresh = !row || now.getTime() - new Date(row.first_at).getTime() > policy.windowMs;
      const failures = fresh ? 1 : row.failures + 1;
      const firstAt = fresh ? now.toISOString() : row.first_at;
      const delay = policy.delayMs(failures);
      const lockedUntil = delay > 0 ? new Date(now.getTime() + delay).toISOString() : null;
      const values = { failures, first_at: firstAt, locked_until: lockedUntil };
      if (row) await tx.updateTable("sign_in_failures").set(values).where("key", "=", key).execute();
      else
        await tx
          .insertInto("sign_in_failures")
          .values({ key, ...values })
          .execute();
    }
  });
}

/**
 * Forgets the failures of the keys, after a successful sign-in.
 * @example await clearFailures(deps, throttleKeys("alice", "10.0.0.1").slice(0, 1))
 */
export async function clearFailures({ store }: Deps, keys: { key: string }[]): Promise<void> {
  await store.db
    .deleteFrom("sign_in_failures")
    .where(
      "key",
      "in",
      keys.map((k) => k.key),
    )
    .execute();
}

/**
 * Lifts every throttle of an account, from every address: an administrator's answer to a user who is made to wait.
 * Returns how many addresses were throttling it. Addresses locked for spraying stay locked.
 * @example await clearAccountThrottles(deps, "alice") // 2
 */
export async function clearAccountThrottles({ store }: Deps, username: string): Promise<number> {
  const prefix = accountPrefix(username);
  // Compared exactly: LIKE would read `_` in a username as a wildcard, and a collation may order `|` oddly.
  const deleted = await store.db
    .deleteFrom("sign_in_failures")
    .where(sql<boolean>`substr(key, 1, ${prefix.length}) = ${prefix}`)
    .executeTakeFirst();
  return Number(deleted.numDeletedRows);
}
