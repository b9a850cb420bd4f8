// Which scheduled cables await a review by a day. The schedule keeps each cable's own review date (verify recomputes
// it from the chained cable, so a decision never rewrites it) and, beside it, the day the cable is next due
// (due_on, migration 0033): its review date, or the date an extension set, or none once a decision put the cable in
// the reading room (released, in full or in part, or withheld in full with its withdrawal card).
import { sql, type RawBuilder } from "kysely";

/**
 * The condition, on the schedule row `alias` (cable_declass), that the cable is due for review before the day
 * `before` (YYYY-MM-DD, exclusive) and no decision has settled it; answered from the due_on index.
 * @example sql`SELECT count(*) FROM cable_declass d WHERE ${dueBefore("2026-12-07", "d")}`
 */
export function dueBefore(before: string, alias: string): RawBuilder<boolean> {
  const due = sql.ref(`${alias}.due_on`);
  return sql<boolean>`${due} IS NOT NULL AND ${due} < ${before}`;
}
