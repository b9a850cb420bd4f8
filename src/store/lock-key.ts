// A cable's access locks as one string (migration 0033): the schedule row keeps it, so that the due list's counts
// can be kept per set of locks and a reader's share summed over the sets the access rule lets it read.

/** The locks a key holds: what the access rule tests (services/access/access-rule.ts CableLocks). */
export type KeyedLocks = { classRank: number; caveats: string[]; captioned: boolean; grants: string[] };

/**
 * The key of a cable's locks: the same locks give the same key, whatever the order of caveats and grants.
 * @example lockKeyOf({ classRank: 2, caveats: ["NOFORN"], captioned: false, grants: [] }) // '[2,["NOFORN"],0,[]]'
 */
export function lockKeyOf(locks: KeyedLocks): string {
  return JSON.stringify([
    locks.classRank,
    [...locks.caveats].sort(),
    locks.captioned ? 1 : 0,
    [...locks.grants].sort(),
  ]);
}

/**
 * The locks a key holds; throws on a string lockKeyOf did not make.
 * @example locksOfKey('[2,["NOFORN"],0,[]]') // { classRank: 2, caveats: ["NOFORN"], captioned: false, grants: [] }
 */
export function locksOfKey(key: string): KeyedLocks {
  const [classRank, caveats, captioned, grants] = JSON.parse(key) as [number, string[], number, string[]];
  if (typeof classRank !== "number" || !Array.isArray(caveats) || !Array.isArray(grants))
    throw new Error(`not a lock key: ${key}`);
  return { classRank, caveats, captioned: captioned === 1, grants };
}
