// Which scheduled cables still await a review: the schedule keeps each cable's own date (verify recomputes it from
// the chained cable, so a decision never rewrites it), and a decision takes the cable off the due list instead.
import { sql, type RawBuilder } from "kysely";

/**
 * The condition, on the schedule row `alias` (cable_declass), that no decision has settled the cable as of `today`:
 * it is not in the reading room (released, in full or in part, or withheld in full with its withdrawal card), and
 * no extension carries it past today. Both subqueries are uncorrelated, so each is read once a statement.
 * @example sql`SELECT count(*) FROM cable_declass d WHERE ${awaitingReview("2026-12-06", "d")}`
 */
export function awaitingReview(today: string, alias: string): RawBuilder<boolean> {
  const seq = sql.ref(`${alias}.seq`);
  return sql<boolean>`${seq} NOT IN (SELECT r.seq FROM reading_room r)
    AND ${seq} NOT IN (SELECT c.seq FROM declass_reviews x JOIN cables c ON c.id = x.cable_id
      WHERE x.outcome = 'extend' AND x.review_on > ${today})`;
}
