// Failed sign-in counting per username and per client address, with a lockout once too many fail in a window.
import type { Deps } from "../clock.ts";
import { CablegramError } from "../errors.ts";

/** How many failures a key may have within the window before it is locked, and for how long. */
export type ThrottlePolicy = { maxFailures: number; windowMs: number; lockMs: number };

/** Per username: a handful of guesses; per address: more, since offices share addresses behind a proxy. */
export const USER_POLICY: ThrottlePolicy = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
export const ADDRESS_POLICY: ThrottlePolicy = { maxFailures: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

/** The keys a sign-in attempt counts against. */
export function throttleKeys(username: string, ip: string): { key: string; policy: ThrottlePolicy }[] {
  return [
    { key: `user:${username.trim().toLowerCase()}`, policy: USER_POLICY },
    { key: `ip:${ip}`, policy: ADDRESS_POLICY },
  ];
}

/**
 * Throws RATE_LIMITED (with `retryAfter` seconds) when any key is locked; checked before the password, so a
 * locked account gives no hint whether a guess was right.
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
 * Counts one failure against each key, locking those that reach their policy's limit within its window.
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
      const lockedUntil = failures >= policy.maxFailures ? new Date(now.getTime() + policy.lockMs).toISOString() : null;
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
 * @example await clearFailures(deps, [{ key: "user:alice" }])
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
