// A search's statements on PostgreSQL. GIN hands its matches over in no order, so the newest are taken a window of
// year buckets at a time (newestMatches); the count and the facets run at once on two connections; the statements
// run with sequential and plain index scans off (see run).
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
import { FTS_SEQ, postgresFtsExpression, postgresFtsMatch, postgresFtsScore } from "./postgres-full-text.ts";

/** Row numbers of one `bkt` token in the index (migration 0010): 2^19 DTG minutes, about a year. */
const BUCKET_BITS = 40;

/**
 * Where the windows start, in buckets back from the newest; the last window takes all the older ones. The facet
 * sample wants thousands of rows (FACET_SAMPLE), so it starts with four buckets.
 */
const PAGE_WINDOWS = [0, 1, 4, 16, 64];
const SAMPLE_WINDOWS = [0, 4, 16, 64];

const TAGS = sql`SELECT 'tags', t.tag, count(*) FROM cable_tags t WHERE t.seq = ANY(ARRAY(SELECT seq FROM s)) GROUP BY t.tag`;

/**
 * The search statements of the PostgreSQL database `db`.
 * @example await postgresSearch(db).datePage(plan, null, 21)
 */
export function postgresSearch(db: Kysely<Database>): SearchEngine {
  const searching = new Searching(db);
  return {
    expression: (positive, negative, options) => postgresFtsExpression(positive, negative, options),
    // The `subj` column holds the subject's words without their pairs.
    subjectExpression: (highlight) => postgresFtsExpression([], highlight, { pairs: false }),
    notMatching: (expression) =>
      sql`c.seq NOT IN (SELECT ${FTS_SEQ} FROM cable_fts f WHERE ${postgresFtsMatch(expression)})`,
    countAndFacets: (plan) => searching.countAndFacets(plan),
    countUpTo: (plan, cap) => searching.countUpTo(plan, cap),
    // The statement finds out itself whether every match can be ranked: waiting for the count would take as long as the
    // page.
    relevancePage: (plan, after, limit) => searching.relevancePage(plan, after, limit),
    datePage: (plan, after, limit) => searching.datePage(plan, after, limit),
    matchingAmong: async (plan, seqs) => {
      if (seqs.length === 0) return [];
      const { where } = boundsOf(plan, sql.ref("c.seq"), null);
      const among = sql`c.seq IN (${sql.join([...seqs])})`;
      const { rows } = plan.indexed
        ? await sql<{ seq: string }>`SELECT c.seq FROM cable_fts f JOIN cables c ON c.seq = f.seq
            WHERE f.seq IN (${sql.join([...seqs])}) AND ${postgresFtsMatch(plan.expression)} AND ${among}
              AND ${where}`.execute(db)
        : await sql<{ seq: string }>`SELECT c.seq FROM cables c WHERE ${among} AND ${where}`.execute(db);
      return rows.map((r) => Number(r.seq));
    },
  };
}

/** The newest and oldest `bkt` buckets (migration 0010) a plan's matches before `before` can be in. */
type Buckets = { top: number; bottom: number } | null;

class Searching {
  /** The first page's buckets of a plan: the count's facet sample and the page both want them. */
  private readonly firstBuckets = new WeakMap<SearchPlan, Promise<Buckets>>();

  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Runs a search statement with sequential and plain index scans turned off for it (bitmap scans remain): the
   * full-text table looks tiny to the planner (its tsvectors live in TOAST), so it would walk it testing every
   * row's tsvector rather than ask GIN; and with index scans the facets' join to cable_tags became a merge join
   * over the whole index instead of 2,000 lookups.
   */
  private run<T>(statement: RawBuilder<T>): Promise<T[]> {
    return this.db.transaction().execute(async (tx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(tx);
      await sql`SET LOCAL enable_indexscan = off`.execute(tx);
      return (await statement.execute(tx)).rows;
    });
  }

  /**
   * Counts matches up to COUNT_CAP and computes the facets over the newest FACET_SAMPLE of them, as two statements
   * at once, on two connections: each is a scan of its own, and the facets' lookups of cables and tags take as long
   * as the count, so one after the other would take twice as long.
   */
  async countAndFacets(plan: SearchPlan): Promise<{ count: number; facets: Record<string, Map<string, number>> }> {
    const k = key(plan);
    // A capped count needs no order: any COUNT_CAP matches are counted (no sort, no windows, and for a reader whose
    // index expression decides, no look at the rows either). The facets take the newest FACET_SAMPLE, in windows.
    const counting = this.run(countStatement(plan, COUNT_CAP));
    const sample = newestMatches(plan, sql`${k} AS seq`, FACET_SAMPLE, null, await this.bucketsOf(plan, null), true);
    // The sample's rows are looked up as one array, in one index scan: joined row by row, each of its 2,000 cables
    // and their tags cost a scan of its own.
    const faceting = this.run(
      sql<FacetRow>`WITH ${facetsOf(plan, sql`c.seq = ANY(ARRAY(${sample}))`)} ${facetCounts(TAGS)}`,
    );
    const [counted, faceted] = await Promise.all([counting, faceting]);
    return facetsFrom([...counted, ...faceted]);
  }

  /** Counts matches up to `cap`, in no order, as countAndFacets does. */
  async countUpTo(plan: SearchPlan, cap: number): Promise<number> {
    const [row] = await this.run(countStatement(plan, cap));
    return Number(row?.n ?? 0);
  }

  /**
   * One page in relevance order (best first, then newest). The statement takes the newest RANK_CAP + 1 matches
   * (windows, so a common word costs what a rare one does) and ranks them by ts_rank only when there are no more
   * than RANK_CAP; with more, those with a query word or phrase in their subject come first, then the rest, newest
   * first. Asking for the count first cost a GIN scan of every match before the page could start.
   */
  async relevancePage(plan: SearchPlan, after: PagePosition | null, limit: number): Promise<PageRow[]> {
    const k = key(plan);
    const buckets = await this.bucketsOf(plan, null);
    // The subject's words are in the row already fetched (migration 0010): no second scan, no recheck. ts_rank
    // reads the row's tsvector again, from TOAST: only in the CASE's branch for at most RANK_CAP matches.
    const inSubject = sql`f.subj @@ to_tsquery('simple', ${plan.subjectExpression}) AS in_subject`;
    const newest = newestMatches(plan, sql`${k} AS seq, ${inSubject}`, RANK_CAP + 1, null, buckets);
    const rank = postgresFtsScore(plan.rankExpression);
    const scored = sql`WITH cand AS MATERIALIZED (${newest}), total AS MATERIALIZED (SELECT count(*) AS n FROM cand)
      SELECT cand.seq, CASE WHEN (SELECT n FROM total) > ${RANK_CAP}
          THEN CASE WHEN cand.in_subject THEN 0.0 ELSE 1.0 END
          ELSE (SELECT ${rank} FROM cable_fts f WHERE f.seq = cand.seq) END AS score
      FROM cand ORDER BY cand.seq DESC LIMIT ${RANK_CAP}`;
    return this.run(
      withColumns(
        sql`SELECT x.seq, x.score FROM (${scored}) x WHERE ${afterScore(after)} ORDER BY x.score, x.seq DESC LIMIT ${limit}`,
        sql`p.score, p.seq DESC`,
      ),
    );
  }

  /** One page newest first (unknown dates last): the index, or the table, walked backwards from `after`. */
  async datePage(plan: SearchPlan, after: PagePosition | null, limit: number): Promise<PageRow[]> {
    const before = after?.seq ?? null;
    const columns = sql`${key(plan)} AS seq, NULL AS score`;
    const newest = newestMatches(plan, columns, limit, before, await this.bucketsOf(plan, before));
    return this.run(withColumns(newest, sql`p.seq DESC`));
  }

  /**
   * Looks up the buckets newestMatches walks: outside `run`, as the primary key answers max and min at once only
   * by an index scan. Null for a plan the index does not drive, or when no row is in the range.
   */
  private bucketsOf(plan: SearchPlan, before: number | null): Promise<Buckets> {
    if (!plan.indexed) return Promise.resolve(null);
    if (before !== null) return this.lookUpBuckets(plan, before);
    // The count's facet sample and the page both want the first page's buckets: one lookup, not one each.
    let buckets = this.firstBuckets.get(plan);
    if (!buckets) this.firstBuckets.set(plan, (buckets = this.lookUpBuckets(plan, null)));
    return buckets;
  }

  private async lookUpBuckets(plan: SearchPlan, before: number | null): Promise<Buckets> {
    const below = Math.min(before ?? Number.MAX_SAFE_INTEGER, plan.range?.[1] ?? Number.MAX_SAFE_INTEGER);
    const { rows } = await sql<{ top: string | null; bottom: string | null }>`
      SELECT max(seq) >> ${BUCKET_BITS} AS top, min(seq) >> ${BUCKET_BITS} AS bottom
      FROM cable_fts WHERE seq >= ${plan.range?.[0] ?? 0} AND seq < ${below}`.execute(this.db);
    const row = rows[0];
    return row?.top == null || row.bottom == null ? null : { top: Number(row.top), bottom: Number(row.bottom) };
  }
}

/** The count of a plan's matches up to `cap`, as a FacetRow 'n'. */
function countStatement(plan: SearchPlan, cap: number): RawBuilder<FacetRow> {
  return sql<FacetRow>`SELECT 'n' AS facet, NULL AS value, count(*) AS n
    FROM (SELECT 1 ${matchingFrom(plan, null, true)} LIMIT ${cap}) x`;
}

/**
 * The row number column the plan walks: the index's when it drives (so it sees the order and range), else cables'.
 * "+ 0" keeps the planner off the primary key's order, which it would walk testing every row's tsvector (fetched
 * from TOAST) instead of asking the GIN index.
 */
function key(plan: SearchPlan): RawBuilder<number> {
  return plan.indexed ? sql<number>`(${FTS_SEQ} + 0)` : sql.ref("c.seq");
}

/**
 * FROM ... WHERE of the matching rows, as `c` (or `f`, the index row, when indexed), before row `before`. With
 * `counting`, a plan whose index expression decides access alone (countInIndex) reads the index only. `window` is
 * one more condition on the index row.
 */
function matchingFrom(
  plan: SearchPlan,
  before: number | null = null,
  counting = false,
  window: RawBuilder<unknown> | null = null,
): RawBuilder<unknown> {
  const k = key(plan);
  const { bounds, where } = boundsOf(plan, k, before);
  if (!plan.indexed) return sql`FROM cables c WHERE ${where}`;
  const words = postgresFtsMatch(plan.expression);
  const match = window ? sql`${words} AND ${window}` : words;
  if (plan.unrestricted || (counting && plan.countInIndex)) return indexOnly(match, bounds);
  // The index rows carry the locks: a join to cables cost a lookup a match, on every match of a common word.
  const inIndex = [...bounds, plan.indexConditions];
  return sql`FROM cable_fts f WHERE ${match} AND ${sql.join(inIndex, sql` AND `)}`;
}

/**
 * The newest `limit` matching rows before row `before`, as `columns` (which name the row number `seq`), newest first.
 *
 * GIN hands its matches over in no order, so the newest N of a word found in most cables meant fetching and
 * sorting every match. The index also holds each row's bucket (`bkt`, about a year of row numbers), so the matches
 * are taken a window of buckets at a time, newest first, each window found by GIN alone (words and buckets in one
 * scan), and a window is only read while the newer ones hold fewer than `limit`: the work follows `limit`, not the
 * number of matches. A word with few matches is read in every window, for a fraction of a millisecond each.
 * @example newestMatches(plan, sql`f.seq + 0 AS seq`, 21, null, buckets) // a statement giving the newest 21
 */
function newestMatches(
  plan: SearchPlan,
  columns: RawBuilder<unknown>,
  limit: number,
  before: number | null,
  buckets: Buckets,
  counting = false,
): RawBuilder<unknown> {
  const k = key(plan);
  if (buckets === null) {
    return sql`SELECT ${columns} ${matchingFrom(plan, before, counting)} ORDER BY ${k} DESC LIMIT ${limit}`;
  }
  const { top, bottom } = buckets;
  const starts = limit > RANK_CAP + 1 ? SAMPLE_WINDOWS : PAGE_WINDOWS;
  const kept = starts.filter((start) => top - start >= bottom);
  const windows = kept.map((start, i) => {
    const end = kept[i + 1];
    const first = end === undefined ? bottom : top - end + 1;
    // The window's buckets as a tsquery ('#110' | '#109'); '#' is in no word ftsText makes.
    const tokens = Array.from({ length: top - start - first + 1 }, (_, j) => `'#${top - start - j}'`).join(" | ");
    const newer = kept.slice(0, i).map((_, j) => sql`(SELECT count(*) FROM ${sql.ref(`w${j}`)})`);
    const gate = i === 0 ? sql`` : sql`${sql.join(newer, sql` + `)} < ${limit} AND `;
    const body = matchingFrom(plan, before, counting, sql`${gate}f.bkt @@ ${tokens}::tsquery`);
    return sql`${sql.ref(`w${i}`)} AS MATERIALIZED (SELECT ${columns} ${body} ORDER BY ${k} DESC LIMIT ${limit})`;
  });
  const all = windows.map((_, i) => sql`SELECT * FROM ${sql.ref(`w${i}`)}`);
  return sql`WITH ${sql.join(windows, sql`, `)}
    SELECT * FROM (${sql.join(all, sql` UNION ALL `)}) u ORDER BY seq DESC LIMIT ${limit}`;
}
