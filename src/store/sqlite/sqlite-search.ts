// A search's statements on SQLite: FTS5 walks its row numbers in order already, so the newest matches come first at
// no cost, and one statement counts the matches and their facets.
import { sql, type Kysely, type RawBuilder } from "kysely";
import type { Database } from "../database.ts";
import {
  COUNT_CAP,
  FACET_SAMPLE,
  RANK_CAP,
  type PagePosition,
  type PageRow,
  type SearchEngine,
  type SearchPlan,
} from "../search-engine.ts";
import {
  afterScore,
  boundsOf,
  facetCounts,
  facetsFrom,
  facetsOf,
  indexOnly,
  withColumns,
  type FacetRow,
} from "../search-statements.ts";
import { FTS_SEQ, sqliteFtsExpression, sqliteFtsMatch, sqliteFtsScore } from "./sqlite-full-text.ts";

/**
 * The search statements of the SQLite database `db`.
 * @example await sqliteSearch(db).datePage(plan, null, 21)
 */
export function sqliteSearch(db: Kysely<Database>): SearchEngine {
  const run = async <T>(statement: RawBuilder<T>): Promise<T[]> => (await statement.execute(db)).rows;
  return {
    expression: (positive, negative) => sqliteFtsExpression(positive, negative),
    subjectExpression: (highlight) =>
      sqliteFtsExpression(
        [],
        highlight.map((t) => ({ ...t, column: "subject" as const })),
      ),
    notMatching: (expression) =>
      sql`c.seq NOT IN (SELECT ${FTS_SEQ} FROM cable_fts f WHERE ${sqliteFtsMatch(expression)})`,
    countAndFacets: async (plan) => {
      const k = key(plan);
      const rows = await run(
        sql<FacetRow>`WITH m AS MATERIALIZED (SELECT ${k} AS seq ${matchingFrom(plan, null, true)}
          ORDER BY ${k} DESC LIMIT ${COUNT_CAP}),
        n AS MATERIALIZED (SELECT count(*) AS n FROM m),
        ${facetsOf(plan, sql`c.seq IN (SELECT seq FROM m ORDER BY seq DESC LIMIT ${FACET_SAMPLE})`)}
        SELECT 'n' AS facet, NULL AS value, n FROM n UNION ALL ${facetCounts(TAGS)}`,
      );
      return facetsFrom(rows);
    },
    countUpTo: async (plan, cap) => {
      const rows = await run(sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 ${matchingFrom(plan, null, true)}
        LIMIT ${cap}) x`);
      return Number(rows[0]?.n ?? 0);
    },
    relevancePage: async (plan, after, limit, counted) =>
      run(relevancePage(plan, after, limit, (await counted).count <= RANK_CAP)),
    datePage: (plan, after, limit) => run(datePage(plan, after, limit)),
    matchingAmong: async (plan, seqs) => {
      if (seqs.length === 0) return [];
      const { where } = boundsOf(plan, sql.ref("c.seq"), null);
      const among = sql`c.seq IN (${sql.join([...seqs])})`;
      // The match as one set: FTS5 given the row ids would run the whole match once per row id.
      const matching = plan.indexed
        ? sql` AND c.seq IN (SELECT ${FTS_SEQ} FROM cable_fts f WHERE ${sqliteFtsMatch(plan.expression)})`
        : sql``;
      const rows = await run(sql<{ seq: number }>`SELECT c.seq FROM cables c WHERE ${among} AND ${where}${matching}`);
      return rows.map((r) => Number(r.seq));
    },
  };
}

const TAGS = sql`SELECT 'tags', t.tag, count(*) FROM s JOIN cable_tags t ON t.seq = s.seq GROUP BY t.tag`;

/** The row number column the plan walks: the index's when it drives (so it sees the order and range), else cables'. */
function key(plan: SearchPlan): RawBuilder<number> {
  return plan.indexed ? FTS_SEQ : sql.ref("c.seq");
}

/**
 * FROM ... WHERE of the matching rows, as `c` (and `f`, the index row, when indexed), before row `before`. With
 * `counting`, a plan whose index expression decides access alone (countInIndex) reads the index only.
 */
function matchingFrom(plan: SearchPlan, before: number | null = null, counting = false): RawBuilder<unknown> {
  const k = key(plan);
  const { bounds, where } = boundsOf(plan, k, before);
  if (!plan.indexed) return sql`FROM cables c WHERE ${where}`;
  const match = sqliteFtsMatch(plan.expression);
  if (plan.unrestricted || (counting && plan.countInIndex)) return indexOnly(match, bounds);
  // CROSS JOIN keeps the index as the outer loop, which SQLite would otherwise walk cables and probe.
  return sql`FROM cable_fts f CROSS JOIN cables c
    WHERE c.seq = ${FTS_SEQ} AND ${match} AND ${where}`;
}

/** The newest `limit` matching rows before row `before`, as `columns` (which name the row number `seq`). */
function newestMatches(
  plan: SearchPlan,
  columns: RawBuilder<unknown>,
  limit: number,
  before: number | null,
): RawBuilder<unknown> {
  return sql`SELECT ${columns} ${matchingFrom(plan, before)} ORDER BY ${key(plan)} DESC LIMIT ${limit}`;
}

/**
 * One page in relevance order (best first, then newest). With at most RANK_CAP matches (`exact`, known from the
 * count), all are ranked by BM25. With more it is cheaper, over the newest RANK_CAP matches: those with a query
 * word or phrase in their subject first, then the rest, newest first. BM25 reads every posting of every query word
 * to weigh it, however few the candidates, which costs tens of milliseconds for a word found in most cables.
 */
function relevancePage(
  plan: SearchPlan,
  after: PagePosition | null,
  limit: number,
  exact: boolean,
): RawBuilder<PageRow> {
  const k = key(plan);
  const page = (scored: RawBuilder<unknown>) =>
    withColumns(
      sql`SELECT x.seq, x.score FROM (${scored}) x WHERE ${afterScore(after)} ORDER BY x.score, x.seq DESC LIMIT ${limit}`,
      sql`p.score, p.seq DESC`,
    );
  if (exact) return page(newestMatches(plan, sql`${k} AS seq, ${sqliteFtsScore()} AS score`, RANK_CAP, null));
  return page(sql`WITH cand AS MATERIALIZED (SELECT ${k} AS seq ${matchingFrom(plan)} ORDER BY ${k} DESC LIMIT ${RANK_CAP}),
    subj AS MATERIALIZED (SELECT ${FTS_SEQ} AS seq FROM cable_fts f
      WHERE ${sqliteFtsMatch(plan.subjectExpression)} AND ${FTS_SEQ} >= (SELECT min(seq) FROM cand))
    SELECT cand.seq, CASE WHEN cand.seq IN (SELECT seq FROM subj) THEN 0.0 ELSE 1.0 END AS score FROM cand`);
}

/** One page newest first (unknown dates last): the index, or the table, walked backwards from `after`. */
function datePage(plan: SearchPlan, after: PagePosition | null, limit: number): RawBuilder<PageRow> {
  const columns = sql`${key(plan)} AS seq, NULL AS score`;
  return withColumns(newestMatches(plan, columns, limit, after?.seq ?? null), sql`p.seq DESC`);
}
