// The reading room's SQL that both engines share: the facet counts over a sample of matches and a page's columns.
import { sql, type RawBuilder } from "kysely";
import { facetsFrom, type FacetRow } from "./search-statements.ts";
import { COUNT_CAP, FACET_SAMPLE, type CountAndFacets } from "./search-engine.ts";
import type { ReadingRoomPlan } from "./reading-room.ts";

/** The columns a page returns, of the reading room row `r`. */
export const PAGE_COLUMNS = sql`r.seq, r.cable_id, r.dtg, r.origin, r.classification, r.subject, r.outcome,
  r.review_date, r.model`;

/** The condition on row number `k` of the plan's date range and of `before`. */
export function rangeOf(plan: ReadingRoomPlan, k: RawBuilder<number>, before: number | null): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  if (plan.range) parts.push(sql`${k} >= ${plan.range[0]} AND ${k} < ${plan.range[1]}`);
  if (before !== null) parts.push(sql`${k} < ${before}`);
  return parts.length === 0 ? sql`1 = 1` : sql.join(parts, sql` AND `);
}

/**
 * The statement counting the matches `m` (a SELECT of row numbers `seq`, newest first, at most COUNT_CAP) and the
 * facets of the newest FACET_SAMPLE, over released versions only, and its reading into CountAndFacets.
 */
export function countAndFacetsOf(matches: RawBuilder<unknown>): RawBuilder<FacetRow> {
  return sql<FacetRow>`WITH m AS MATERIALIZED (${matches} LIMIT ${COUNT_CAP}),
    s AS MATERIALIZED (SELECT r.seq, r.origin, r.classification, r.year FROM reading_room r
      WHERE r.seq IN (SELECT seq FROM m ORDER BY seq DESC LIMIT ${FACET_SAMPLE}) AND r.kind = 'released')
    SELECT 'n' AS facet, NULL AS value, (SELECT count(*) FROM m) AS n
    UNION ALL SELECT 'origin', origin, count(*) FROM s WHERE origin IS NOT NULL GROUP BY origin
    UNION ALL SELECT 'classification', classification, count(*) FROM s WHERE classification IS NOT NULL
      GROUP BY classification
    UNION ALL SELECT 'year', CAST(year AS TEXT), count(*) FROM s WHERE year IS NOT NULL GROUP BY year
    UNION ALL SELECT 'tags', t.tag, count(*) FROM s JOIN reading_room_tags t ON t.seq = s.seq GROUP BY t.tag`;
}

/** The count and facets from countAndFacetsOf's rows. */
export function readingRoomFacets(rows: FacetRow[]): CountAndFacets {
  return facetsFrom(rows);
}
