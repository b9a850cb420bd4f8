// The due list's counts without reading every due cable: the whole months before the day come from the counts kept
// per month, origin, classification and set of locks (declass_due_counts, migration 0033), summed over the lock
// sets the reader may read under the access rule; the days of the month the day falls in are counted from the
// schedule's rows, under the access rule in SQL, as are the rows of cables another parser derived, taken back out.
import { sql } from "kysely";
import { locksOfKey, type KeyedLocks } from "../../store/lock-key.ts";
import type { Store } from "../../store/open-store.ts";
import { cablesOfOtherParsers, readerMeets, type Reader } from "../access/index.ts";
import { dueBefore } from "./due-before.ts";
import { scheduleRowReadableBy } from "./schedule-readable-by.ts";

/** The count of one origin and classification (null: the cable has none). */
export type DueGroup = { origin: string | null; classification: string | null; due: number; overdue: number };

type CountRow = {
  lock_key?: string;
  origin: string | null;
  classification: string | null;
  late: number | string | null;
  n: number | string | null;
};

/** Decoded lock keys: a few hundred in an archive, each read once a process. */
const decoded = new Map<string, KeyedLocks>();
const DECODED_MAX = 100_000;

/**
 * How many cables `reader` may read are due before `before` (exclusive) and before `overdueBefore`, by origin and
 * classification; groups with none are left out.
 * @example await dueCounts(store, reader, "2026-12-07", "2026-12-06") // [{ origin: "STATE", classification: "SECRET", due: 4, overdue: 4 }]
 */
export async function dueCounts(
  store: Store,
  reader: Reader,
  before: string,
  overdueBefore: string,
): Promise<DueGroup[]> {
  const month = before.slice(0, 7);
  const lateMonth = overdueBefore.slice(0, 7);
  const [kept, otherParsers, days] = await Promise.all([
    sql<CountRow>`SELECT lock_key, origin, classification, sum(CASE WHEN month < ${lateMonth} THEN n ELSE 0 END) AS late,
        sum(n) AS n
      FROM declass_due_counts WHERE month < ${month} GROUP BY lock_key, origin, classification`.execute(store.db),
    sql<CountRow>`SELECT d.lock_key, coalesce(d.origin, '') AS origin, coalesce(d.classification, '') AS classification,
        sum(CASE WHEN d.due_on < ${`${lateMonth}-01`} THEN 1 ELSE 0 END) AS late, count(*) AS n
      FROM cable_declass d WHERE ${dueBefore(`${month}-01`, "d")} AND d.seq IN ${cablesOfOtherParsers()}
      GROUP BY d.lock_key, d.origin, d.classification`.execute(store.db),
    sql<CountRow>`SELECT d.origin, d.classification,
        sum(CASE WHEN d.due_on >= ${`${lateMonth}-01`} AND d.due_on < ${overdueBefore} THEN 1 ELSE 0 END) AS late,
        sum(CASE WHEN d.due_on >= ${`${month}-01`} THEN 1 ELSE 0 END) AS n
      FROM cable_declass d
      WHERE ${dueBefore(before, "d")} AND ((d.due_on >= ${`${lateMonth}-01`} AND d.due_on < ${overdueBefore})
        OR d.due_on >= ${`${month}-01`}) AND ${scheduleRowReadableBy(reader, "d")}
      GROUP BY d.origin, d.classification`.execute(store.db),
  ]);
  const groups = new Map<string, DueGroup>();
  const add = (row: CountRow, sign: number) => {
    const origin = row.origin === "" ? null : row.origin;
    const classification = row.classification === "" ? null : row.classification;
    const key = JSON.stringify([origin, classification]);
    const group = groups.get(key) ?? { origin, classification, due: 0, overdue: 0 };
    group.due += sign * Number(row.n ?? 0);
    group.overdue += sign * Number(row.late ?? 0);
    groups.set(key, group);
  };
  const readable = (key: string) => readerMeets(reader, locksOf(key));
  for (const row of kept.rows) if (readable(row.lock_key!)) add(row, 1);
  for (const row of otherParsers.rows) if (readable(row.lock_key!)) add(row, -1);
  for (const row of days.rows) add(row, 1);
  return [...groups.values()].filter((g) => g.due > 0);
}

function locksOf(key: string): KeyedLocks {
  let locks = decoded.get(key);
  if (!locks) {
    if (decoded.size >= DECODED_MAX) decoded.clear();
    locks = locksOfKey(key);
    decoded.set(key, locks);
  }
  return locks;
}
