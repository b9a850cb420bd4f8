// The parts of a search's SQL both engines share: the facet sample and its counts, and a page's columns.
import { sql, type RawBuilder } from "kysely";
import type { CountAndFacets, PageRow, SearchPlan } from "./search-engine.ts";

/** One row of the count and facets query. */
export type FacetRow = { facet: string; value: string | null; n: number | string };

/**
 * The CTE `s`: the cables `inSample` (the facet sample) the facets are counted over, with their facet columns.
 * @example sql`WITH ${facetsOf(plan, sql`c.seq IN (SELECT seq FROM m)`)} ${facetCounts(tags)}`
 */
export function facetsOf(plan: SearchPlan, inSample: RawBuilder<unknown>): RawBuilder<unknown> {
  // When the matches were found in the index alone (countInIndex), readableBy still decides what the facets count.
  const check = plan.countInIndex && !plan.unrestricted ? sql` AND ${plan.conditions}` : sql``;
  return sql`s AS MATERIALIZED (SELECT c.seq, c.origin, c.classification, c.year FROM cables c
    WHERE ${inSample}${check})`;
}

/**
 * The facet counts over `s`, as FacetRows joined by UNION ALL; `tags` is the engine's count of the sample's tags.
 * @example facetCounts(sql`SELECT 'tags', t.tag, count(*) FROM s JOIN cable_tags t ON t.seq = s.seq GROUP BY t.tag`)
 */
export function facetCounts(tags: RawBuilder<unknown>): RawBuilder<FacetRow> {
  return sql<FacetRow>`SELECT 'origin' AS facet, origin AS value, count(*) AS n FROM s WHERE origin IS NOT NULL
      GROUP BY origin
    UNION ALL SELECT 'classification', classification, count(*) FROM s WHERE classification IS NOT NULL
      GROUP BY classification
    UNION ALL SELECT 'year', CAST(year AS TEXT), count(*) FROM s WHERE year IS NOT NULL GROUP BY year
    UNION ALL ${tags}`;
}

/**
 * The count and the facets, from the rows of facetCounts and the count's row (facet 'n').
 * @example facetsFrom([{ facet: "n", value: null, n: 3 }]) // { count: 3, facets: {} }
 */
export function facetsFrom(rows: FacetRow[]): CountAndFacets {
  const facets: Record<string, Map<string, number>> = {};
  let count = 0;
  for (const row of rows) {
    if (row.facet === "n") count = Number(row.n);
    else (facets[row.facet] ??= new Map()).set(String(row.value), Number(row.n));
  }
  return { count, facets };
}

/**
 * The statement fetching the listed columns and the stored model for the rows `page` chose (seq, score), and only
 * for those, in `order`.
 * @example await run(withColumns(sql`SELECT ... LIMIT 21`, sql`p.seq DESC`))
 */
export function withColumns(page: RawBuilder<unknown>, order: RawBuilder<unknown>): RawBuilder<PageRow> {
  return sql<PageRow>`
    SELECT p.seq, p.score, c.id, c.subject, c.dtg, c.classification, t.model, t.raw, t.parse_hints, c.archived_at,
      c.source
    FROM (${page}) p JOIN cables c ON c.seq = p.seq JOIN cable_texts t ON t.seq = p.seq
    ORDER BY ${order}`;
}

/**
 * The keyset condition of a relevance page: rows after `after` in (score, newest) order.
 * @example sql`... WHERE ${afterScore(after)} ORDER BY x.score, x.seq DESC`
 */
export function afterScore(after: { score: number | null; seq: number } | null): RawBuilder<unknown> {
  return after ? sql`(x.score > ${after.score} OR (x.score = ${after.score} AND x.seq < ${after.seq}))` : sql`1 = 1`;
}

/**
 * The row number bounds of a plan's matches on the row number `k` (derived by this parser, the date range, and below
 * `before`), and the
 * condition on the cable `c` with them (`where`).
 * @example const { bounds, where } = boundsOf(plan, sql.ref("c.seq"), null)
 */
export function boundsOf(
  plan: SearchPlan,
  k: RawBuilder<number>,
  before: number | null,
): { bounds: RawBuilder<unknown>[]; where: RawBuilder<unknown> } {
  const bounds: RawBuilder<unknown>[] = [plan.current(k)];
  if (plan.range) bounds.push(sql`${k} >= ${plan.range[0]} AND ${k} < ${plan.range[1]}`);
  if (before !== null) bounds.push(sql`${k} < ${before}`);
  for (const condition of plan.rowConditions) bounds.push(condition(k));
  const where = bounds.length > 0 ? sql`${sql.join(bounds, sql` AND `)} AND ${plan.conditions}` : plan.conditions;
  return { bounds, where };
}

/**
 * FROM ... WHERE of index rows `f` matching `match` within `bounds`, with no look at their cables: every index row
 * has its cable (they are written together), so a reader who may read all needs no join, nor does a count whose
 * access word decides.
 * @example sql`SELECT count(*) ${indexOnly(match, bounds)}`
 */
export function indexOnly(match: RawBuilder<unknown>, bounds: RawBuilder<unknown>[]): RawBuilder<unknown> {
  return bounds.length > 0
    ? sql`FROM cable_fts f WHERE ${match} AND ${sql.join(bounds, sql` AND `)}`
    : sql`FROM cable_fts f WHERE ${match}`;
}
