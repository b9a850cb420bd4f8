// The SQL of a search: which rows match, their count and facets, and one page in either order.
//
// Row numbers (seq) are in date order (date-seq.ts), so the full-text index hands matches over newest first at no
// cost (PostgreSQL's GIN a year's bucket at a time: see newestMatches), and a date range is a range of row numbers.
// Work is capped so that a word found in most of 250,000 cables costs about what a rare one does: at most COUNT_CAP
// matches are counted (the total is then a lower bound), the facets are counted over the newest FACET_SAMPLE of
// them, and relevance ranks the newest RANK_CAP (by BM25 only when they are all the matches; see relevancePage).
import { sql, type RawBuilder } from "kysely";
import { SLOTS, seqAt } from "../../store/date-seq.ts";
import { ftsExpression, ftsMatch, ftsScore, ftsSeq, type FtsTerm } from "../../store/full-text.ts";
import type { Store } from "../../store/open-store.ts";
import { CLASSIFICATIONS } from "../../core/index.ts";
import { accessWordDecides, readableBy, readerAccessToken, readerMeets, type Reader } from "../access/index.ts";
import type { CompiledQuery } from "./compile-query.ts";
import type { CursorPosition } from "./search-cursor.ts";

/** Matches counted at most; one more than the largest total reported exactly. */
export const COUNT_CAP = 10_001;

/** Matches the facets are counted over at most (the newest); exact up to this many matches. */
export const FACET_SAMPLE = 2_000;

/** Matches ranked by relevance at most: the newest ones when there are more. BM25 costs 5 to 40 µs a match. */
export const RANK_CAP = 1_000;

const TOP = CLASSIFICATIONS.length - 1;

/** Row numbers of one `bkt` token in PostgreSQL's index (migration 0010): 2^19 DTG minutes, about a year. */
const BUCKET_BITS = 40;

/**
 * Where PostgreSQL's windows start, in buckets back from the newest; the last window takes all the older ones. The
 * facet sample wants thousands of rows (FACET_SAMPLE), so it starts with four buckets.
 */
const PAGE_WINDOWS = [0, 1, 4, 16, 64];
const SAMPLE_WINDOWS = [0, 4, 16, 64];

/** One row of the count and facets query. */
type FacetRow = { facet: string; value: string | null; n: number | string };

/** One result row, with the model its snippet is cut from. */
export type PageRow = {
  seq: number | string;
  score: number | null;
  id: string;
  subject: string | null;
  dtg: string | null;
  classification: string | null;
  /** The stored model, for the snippet (see modelOf). */
  model: string;
  raw: string | null;
  parse_hints: string | null;
};

/** How one search finds its rows. */
export type SearchPlan = {
  /** True when the index drives: there are words, filters, or an access word for the reader. */
  indexed: boolean;
  /** The dialect's match expression; "" when not indexed. */
  expression: string;
  /**
   * The expression relevance is scored with: the words and phrases alone, and on PostgreSQL phrases by their
   * positions rather than word pairs.
   */
  rankExpression: string;
  /**
   * Any of the query's words or phrases in a subject: the cheap relevance of common-word searches. On SQLite it
   * matches cable_fts; on PostgreSQL its `subj` column (migration 0010), so it has no weights.
   */
  subjectExpression: string;
  /** Conditions on the cable `c`: readable by the reader, not excluded (when not indexed). */
  conditions: RawBuilder<unknown>;
  /** On PostgreSQL, readableBy on the index row `f`, which carries the cable's locks (migration 0010). */
  indexConditions: RawBuilder<unknown>;
  /** Row numbers in the date range: [from, to). */
  range: [number, number] | null;
  /** True when the reader may read everything, so index rows need no look at their cables. */
  unrestricted: boolean;
  /**
   * True when the reader's access word in the expression decides exactly what they may read (accessWordDecides),
   * so the count needs no look at the cables; the facets and the page still apply readableBy.
   */
  countInIndex: boolean;
};

/**
 * Plans a search for a reader. The reader's access word (access-index.ts) joins the index terms, so a barely
 * cleared reader's search skips what they may not read inside the index; readableBy still decides.
 * @example planSearch(store, compileQuery(parsed), reader).indexed // true for "kosovo"
 */
export function planSearch(store: Store, q: CompiledQuery, reader: Reader): SearchPlan {
  const parts: RawBuilder<unknown>[] = [readableBy(reader, "c")];
  // A reader who meets the strictest locks there are (top level, every caveat, a caption granting nobody) reads all.
  const unrestricted = readerMeets(reader, { classRank: TOP, caveats: ["*"], captioned: true, grants: [] });
  const range: [number, number] | null =
    q.from === null && q.to === null
      ? null
      : [Math.max(SLOTS, q.from === null ? 0 : seqAt(q.from)), q.to === null ? Number.MAX_SAFE_INTEGER : seqAt(q.to)];
  const positive: FtsTerm[] = [...q.positive];
  const subjectExpression = ftsExpression(
    store.dialect,
    [],
    store.dialect === "sqlite" ? q.highlight.map((t) => ({ ...t, column: "subject" as const })) : q.highlight,
    // PostgreSQL's `subj` column holds the subject's words without their pairs.
    { pairs: false },
  );
  const token = readerAccessToken(reader);
  if (token !== null) positive.push({ words: [token], prefix: false, column: "meta" });
  if (positive.length > 0) {
    return {
      indexed: true,
      expression: ftsExpression(store.dialect, positive, q.negative),
      // Only the words and phrases: a filter's or the access word's lexeme is weight D, which ranks 0, and ts_rank
      // of an AND holding one gave every match the same score, so relevance was date order.
      rankExpression: ftsExpression(store.dialect, q.highlight, [], { pairs: false }),
      subjectExpression,
      conditions: sql.join(parts, sql` AND `),
      indexConditions: readableBy(reader, "f"),
      range,
      unrestricted,
      countInIndex: unrestricted || (token !== null && accessWordDecides(reader)),
    };
  }
  if (q.negative.length > 0) {
    // Looked up once as a set: probing the index row by row costs a match per cable.
    const excluded = ftsExpression(store.dialect, [], q.negative);
    parts.push(
      sql`c.seq NOT IN (SELECT ${ftsSeq(store.dialect)} FROM cable_fts f WHERE ${ftsMatch(store.dialect, excluded)})`,
    );
  }
  return {
    indexed: false,
    expression: "",
    rankExpression: "",
    subjectExpression,
    conditions: sql.join(parts, sql` AND `),
    indexConditions: sql`1 = 1`,
    range,
    unrestricted,
    countInIndex: false,
  };
}

/** The row number column the plan walks: the index's when it drives (so it sees the order and range), else cables'. */
function key(store: Store, plan: SearchPlan): RawBuilder<number> {
  if (!plan.indexed) return sql.ref("c.seq");
  // On PostgreSQL "+ 0" keeps the planner off the primary key's order, which it would walk testing every row's
  // tsvector (fetched from TOAST, ~50 µs each) instead of asking the GIN index.
  return store.dialect === "sqlite" ? ftsSeq(store.dialect) : sql<number>`(${ftsSeq(store.dialect)} + 0)`;
}

/**
 * Runs a search statement. On PostgreSQL, sequential and plain index scans are turned off for it (bitmap scans
 * remain): the full-text table looks tiny to the planner (its tsvectors live in TOAST), so it would walk it testing
 * every row's tsvector rather than ask GIN; and with index scans the facets' join to cable_tags became a merge join
 * over the whole index (650 ms at 250,000 cables) instead of 2,000 lookups.
 */
async function run<T>(store: Store, statement: RawBuilder<T>): Promise<T[]> {
  if (store.dialect === "sqlite") return (await statement.execute(store.db)).rows;
  return store.db.transaction().execute(async (tx) => {
    await sql`SET LOCAL enable_seqscan = off`.execute(tx);
    await sql`SET LOCAL enable_indexscan = off`.execute(tx);
    return (await statement.execute(tx)).rows;
  });
}

/**
 * FROM ... WHERE of the matching rows, as `c` (and `f`, the index row, when indexed), `after` the given row. With
 * `counting`, a plan whose index expression decides access alone (countInIndex) reads the index only. `window`
 * (PostgreSQL) is one more condition on the index row.
 */
function matchingFrom(
  store: Store,
  plan: SearchPlan,
  before: number | null = null,
  counting = false,
  window: RawBuilder<unknown> | null = null,
): RawBuilder<unknown> {
  const k = key(store, plan);
  const bounds: RawBuilder<unknown>[] = [];
  if (plan.range) bounds.push(sql`${k} >= ${plan.range[0]} AND ${k} < ${plan.range[1]}`);
  if (before !== null) bounds.push(sql`${k} < ${before}`);
  const where = bounds.length > 0 ? sql`${sql.join(bounds, sql` AND `)} AND ${plan.conditions}` : plan.conditions;
  if (!plan.indexed) return sql`FROM cables c WHERE ${where}`;
  const words = ftsMatch(store.dialect, plan.expression);
  const match = window ? sql`${words} AND ${window}` : words;
  // Every index row has its cable (they are written together): a reader who may read all needs no join, nor does
  // a count whose access word decides.
  if (plan.unrestricted || (counting && plan.countInIndex)) {
    return bounds.length > 0
      ? sql`FROM cable_fts f WHERE ${match} AND ${sql.join(bounds, sql` AND `)}`
      : sql`FROM cable_fts f WHERE ${match}`;
  }
  // PostgreSQL's index rows carry the locks: a join to cables cost ~2 µs a match, on every match of a common word.
  if (store.dialect === "postgres") {
    const inIndex = [...bounds, plan.indexConditions];
    return sql`FROM cable_fts f WHERE ${match} AND ${sql.join(inIndex, sql` AND `)}`;
  }
  // CROSS JOIN keeps the index as the outer loop on SQLite, which would otherwise walk cables and probe.
  return sql`FROM cable_fts f CROSS JOIN cables c
    WHERE c.seq = ${ftsSeq(store.dialect)} AND ${match} AND ${where}`;
}

/** The newest and oldest `bkt` buckets (migration 0010) a PostgreSQL plan's matches before `before` can be in. */
type Buckets = { top: number; bottom: number } | null;

/**
 * Looks up the buckets newestMatches walks: outside `run`, as the primary key answers max and min at once only by an
 * index scan. Null on SQLite, for a plan the index does not drive, or when no row is in the range.
 * @example await bucketsOf(store, plan, null) // { top: 110, bottom: 0 }
 */
function bucketsOf(store: Store, plan: SearchPlan, before: number | null): Promise<Buckets> {
  if (store.dialect === "sqlite" || !plan.indexed) return Promise.resolve(null);
  if (before !== null) return lookUpBuckets(store, plan, before);
  // The count's facet sample and the page both want the first page's buckets: one lookup, not one each.
  let buckets = firstBuckets.get(plan);
  if (!buckets) firstBuckets.set(plan, (buckets = lookUpBuckets(store, plan, null)));
  return buckets;
}

const firstBuckets = new WeakMap<SearchPlan, Promise<Buckets>>();

async function lookUpBuckets(store: Store, plan: SearchPlan, before: number | null): Promise<Buckets> {
  const below = Math.min(before ?? Number.MAX_SAFE_INTEGER, plan.range?.[1] ?? Number.MAX_SAFE_INTEGER);
  const { rows } = await sql<{ top: string | null; bottom: string | null }>`
    SELECT max(seq) >> ${BUCKET_BITS} AS top, min(seq) >> ${BUCKET_BITS} AS bottom
    FROM cable_fts WHERE seq >= ${plan.range?.[0] ?? 0} AND seq < ${below}`.execute(store.db);
  const row = rows[0];
  return row?.top == null || row.bottom == null ? null : { top: Number(row.top), bottom: Number(row.bottom) };
}

/**
 * The newest `limit` matching rows before row `before`, as `columns` (which name the row number `seq`), newest first.
 *
 * GIN hands PostgreSQL its matches in no order, so the newest N of a word found in most cables meant fetching and
 * sorting every match (~0.3 µs each, and a phrase's ~10 µs recheck). The index also holds each row's bucket (`bkt`,
 * about a year of row numbers), so the matches are taken a window of buckets at a time, newest first, each window
 * found by GIN alone (words and buckets in one scan), and a window is only read while the newer ones hold fewer than
 * `limit`: the work follows `limit`, not the number of matches. SQLite's index walks row numbers in order already.
 *
 * A word with few matches is read in every window, for ~0.3 ms each of GIN and the access rule. The statement used
 * to count the matches first (up to 5,000) to read those all at once, but that count was a GIN scan of every match
 * (~10 ms for a word in most cables), and became dearer than the windows it spared once the access rule's look at
 * caveats cost a few rows rather than all of them (migration 0015).
 * @example newestMatches(store, plan, sql`f.seq + 0 AS seq`, 21, null, buckets) // a statement giving the newest 21
 */
function newestMatches(
  store: Store,
  plan: SearchPlan,
  columns: RawBuilder<unknown>,
  limit: number,
  before: number | null,
  buckets: Buckets,
  counting = false,
): RawBuilder<unknown> {
  const k = key(store, plan);
  if (buckets === null) {
    return sql`SELECT ${columns} ${matchingFrom(store, plan, before, counting)} ORDER BY ${k} DESC LIMIT ${limit}`;
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
    const body = matchingFrom(store, plan, before, counting, sql`${gate}f.bkt @@ ${tokens}::tsquery`);
    return sql`${sql.ref(`w${i}`)} AS MATERIALIZED (SELECT ${columns} ${body} ORDER BY ${k} DESC LIMIT ${limit})`;
  });
  const all = windows.map((_, i) => sql`SELECT * FROM ${sql.ref(`w${i}`)}`);
  return sql`WITH ${sql.join(windows, sql`, `)}
    SELECT * FROM (${sql.join(all, sql` UNION ALL `)}) u ORDER BY seq DESC LIMIT ${limit}`;
}

/**
 * Counts matches up to COUNT_CAP and computes the facets over the newest FACET_SAMPLE of them. On SQLite one
 * statement does both. PostgreSQL runs the count and the facets as two statements at once, on two connections: each
 * is a scan of its own, and the facets' lookups of cables and tags took as long as the count, one after the other.
 * @example await countAndFacets(store, plan) // { count: 12, facets: { tags: Map { "PREL" => 9 }, ... } }
 */
export async function countAndFacets(
  store: Store,
  plan: SearchPlan,
): Promise<{ count: number; facets: Record<string, Map<string, number>> }> {
  const k = key(store, plan);
  if (store.dialect === "sqlite") {
    const rows = await run(
      store,
      sql<FacetRow>`WITH m AS MATERIALIZED (SELECT ${k} AS seq ${matchingFrom(store, plan, null, true)}
        ORDER BY ${k} DESC LIMIT ${COUNT_CAP}),
      n AS MATERIALIZED (SELECT count(*) AS n FROM m),
      ${facetsOf(store, plan, sql`c.seq IN (SELECT seq FROM m ORDER BY seq DESC LIMIT ${FACET_SAMPLE})`)}
      SELECT 'n' AS facet, NULL AS value, n FROM n UNION ALL ${facetCounts(store)}`,
    );
    return facetsFrom(rows);
  }
  // A capped count needs no order: PostgreSQL counts any COUNT_CAP matches (no sort, no windows, and for a reader
  // whose index expression decides, no look at the rows either). The facets take the newest FACET_SAMPLE, in windows.
  const counting = run(
    store,
    sql<FacetRow>`SELECT 'n' AS facet, NULL AS value, count(*) AS n
      FROM (SELECT 1 ${matchingFrom(store, plan, null, true)} LIMIT ${COUNT_CAP}) x`,
  );
  const sample = newestMatches(
    store,
    plan,
    sql`${k} AS seq`,
    FACET_SAMPLE,
    null,
    await bucketsOf(store, plan, null),
    true,
  );
  // The sample's rows are looked up as one array, in one index scan: joined row by row, each of its 2,000 cables
  // and their tags cost a scan of its own (~4 µs each).
  const faceting = run(
    store,
    sql<FacetRow>`WITH ${facetsOf(store, plan, sql`c.seq = ANY(ARRAY(${sample}))`)} ${facetCounts(store)}`,
  );
  const [counted, faceted] = await Promise.all([counting, faceting]);
  return facetsFrom([...counted, ...faceted]);
}

/** The CTE `s`: the cables `inSample` (the facet sample) the facets are counted over, with their facet columns. */
function facetsOf(store: Store, plan: SearchPlan, inSample: RawBuilder<unknown>): RawBuilder<unknown> {
  // When the matches were found in the index alone (countInIndex), readableBy still decides what the facets count.
  const check = plan.countInIndex && !plan.unrestricted ? sql` AND ${plan.conditions}` : sql``;
  return sql`s AS MATERIALIZED (SELECT c.seq, c.origin, c.classification, c.year FROM cables c
    WHERE ${inSample}${check})`;
}

/** The facet counts over `s`, as FacetRows joined by UNION ALL. */
function facetCounts(store: Store): RawBuilder<FacetRow> {
  const tags =
    store.dialect === "postgres"
      ? sql`SELECT 'tags', t.tag, count(*) FROM cable_tags t WHERE t.seq = ANY(ARRAY(SELECT seq FROM s)) GROUP BY t.tag`
      : sql`SELECT 'tags', t.tag, count(*) FROM s JOIN cable_tags t ON t.seq = s.seq GROUP BY t.tag`;
  return sql<FacetRow>`SELECT 'origin' AS facet, origin AS value, count(*) AS n FROM s WHERE origin IS NOT NULL
      GROUP BY origin
    UNION ALL SELECT 'classification', classification, count(*) FROM s WHERE classification IS NOT NULL
      GROUP BY classification
    UNION ALL SELECT 'year', CAST(year AS TEXT), count(*) FROM s WHERE year IS NOT NULL GROUP BY year
    UNION ALL ${tags}`;
}

/** The count and the facets, from the rows of facetCounts and the count's row (facet 'n'). */
function facetsFrom(rows: FacetRow[]): { count: number; facets: Record<string, Map<string, number>> } {
  const facets: Record<string, Map<string, number>> = {};
  let count = 0;
  for (const row of rows) {
    if (row.facet === "n") count = Number(row.n);
    else (facets[row.facet] ??= new Map()).set(String(row.value), Number(row.n));
  }
  return { count, facets };
}

/**
 * One page in relevance order (best first, then newest). With at most RANK_CAP matches, all are ranked: BM25 on
 * SQLite, ts_rank on PostgreSQL. With more it is cheaper, over the newest RANK_CAP matches: those with a query word
 * or phrase in their subject first, then the rest, newest first. BM25 reads every posting of every query word to
 * weigh it, however few the candidates, which costs 30 to 70 ms for a word found in most cables.
 *
 * `exact` says whether there are at most RANK_CAP matches; SQLite's caller knows it from the count. PostgreSQL's
 * gives null, and the statement finds out itself: it takes the newest RANK_CAP + 1 matches (windows, so a common
 * word costs what a rare one does) and ranks them by ts_rank only when there are no more than RANK_CAP. Asking
 * first cost a GIN scan of every match (~10 ms for a word in most cables) before the page could start.
 * @example await relevancePage(store, plan, null, 21, null)
 */
export async function relevancePage(
  store: Store,
  plan: SearchPlan,
  after: CursorPosition | null,
  limit: number,
  exact: boolean | null,
): Promise<PageRow[]> {
  const k = key(store, plan);
  const keyset = after
    ? sql`(x.score > ${after.score} OR (x.score = ${after.score} AND x.seq < ${after.seq}))`
    : sql`1 = 1`;
  const page = (scored: RawBuilder<unknown>) =>
    withColumns(
      store,
      sql`SELECT x.seq, x.score FROM (${scored}) x WHERE ${keyset} ORDER BY x.score, x.seq DESC LIMIT ${limit}`,
      sql`p.score, p.seq DESC`,
    );
  if (store.dialect === "postgres") {
    const buckets = await bucketsOf(store, plan, null);
    // The subject's words are in the row already fetched (migration 0010): no second scan, no recheck. ts_rank
    // reads the row's tsvector again, from TOAST: only in the CASE's branch for at most RANK_CAP matches.
    const inSubject = sql`f.subj @@ to_tsquery('simple', ${plan.subjectExpression}) AS in_subject`;
    const newest = newestMatches(store, plan, sql`${k} AS seq, ${inSubject}`, RANK_CAP + 1, null, buckets);
    const rank = ftsScore(store.dialect, plan.rankExpression);
    return page(sql`WITH cand AS MATERIALIZED (${newest}), total AS MATERIALIZED (SELECT count(*) AS n FROM cand)
      SELECT cand.seq, CASE WHEN (SELECT n FROM total) > ${RANK_CAP}
          THEN CASE WHEN cand.in_subject THEN 0.0 ELSE 1.0 END
          ELSE (SELECT ${rank} FROM cable_fts f WHERE f.seq = cand.seq) END AS score
      FROM cand ORDER BY cand.seq DESC LIMIT ${RANK_CAP}`);
  }
  if (exact) {
    const columns = sql`${k} AS seq, ${ftsScore(store.dialect, plan.rankExpression)} AS score`;
    return page(newestMatches(store, plan, columns, RANK_CAP, null, null));
  }
  return page(sql`WITH cand AS MATERIALIZED (SELECT ${k} AS seq ${matchingFrom(store, plan)} ORDER BY ${k} DESC LIMIT ${RANK_CAP}),
    subj AS MATERIALIZED (SELECT ${ftsSeq(store.dialect)} AS seq FROM cable_fts f
      WHERE ${ftsMatch(store.dialect, plan.subjectExpression)} AND ${ftsSeq(store.dialect)} >= (SELECT min(seq) FROM cand))
    SELECT cand.seq, CASE WHEN cand.seq IN (SELECT seq FROM subj) THEN 0.0 ELSE 1.0 END AS score FROM cand`);
}

/**
 * One page newest first (unknown dates last): the index, or the table, walked backwards from `after`.
 * @example await datePage(store, plan, null, 21)
 */
export async function datePage(
  store: Store,
  plan: SearchPlan,
  after: CursorPosition | null,
  limit: number,
): Promise<PageRow[]> {
  const k = key(store, plan);
  const before = after?.seq ?? null;
  return withColumns(
    store,
    newestMatches(store, plan, sql`${k} AS seq, NULL AS score`, limit, before, await bucketsOf(store, plan, before)),
    sql`p.seq DESC`,
  );
}

/** Fetches the listed columns and the stored model for the rows `page` chose (seq, score), and only for those. */
async function withColumns(store: Store, page: RawBuilder<unknown>, order: RawBuilder<unknown>): Promise<PageRow[]> {
  return run(
    store,
    sql<PageRow>`
    SELECT p.seq, p.score, c.id, c.subject, c.dtg, c.classification, t.model, t.raw, t.parse_hints
    FROM (${page}) p JOIN cables c ON c.seq = p.seq JOIN cable_texts t ON t.seq = p.seq
    ORDER BY ${order}`,
  );
}
