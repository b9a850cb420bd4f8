// What a search runs: the plan the search service makes, and the statements each engine runs for it (the count and
// facets, a page in either order). sqlite/sqlite-search.ts and postgres/postgres-search.ts write them.
//
// Row numbers (seq) are in date order (date-seq.ts), so the full-text index hands matches over newest first at no
// cost (PostgreSQL's GIN a year's bucket at a time), and a date range is a range of row numbers. Work is capped so
// that a word found in most cables of a large archive costs about what a rare one does: at most COUNT_CAP matches are
// counted (the total is then a lower bound), the facets are counted over the newest FACET_SAMPLE of them, and
// relevance ranks the newest RANK_CAP.
import type { RawBuilder } from "kysely";
import type { FtsTerm } from "./full-text.ts";

/** Matches counted at most; one more than the largest total reported exactly. */
export const COUNT_CAP = 10_001;

/** Matches the facets are counted over at most (the newest); exact up to this many matches. */
export const FACET_SAMPLE = 2_000;

/** Matches ranked by relevance at most: the newest ones when there are more, as BM25 costs time for each it ranks. */
export const RANK_CAP = 1_000;

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
  /** When it was archived (ISO 8601) and where from: what an export writes beside the model. */
  archived_at: string;
  source: string | null;
};

/** Where the previous page ended: its last row's score (null in date order) and row number. */
export type PagePosition = { score: number | null; seq: number };

/** The count of matches (up to COUNT_CAP) and the facets of the newest FACET_SAMPLE. */
export type CountAndFacets = { count: number; facets: Record<string, Map<string, number>> };

/** How one search finds its rows. */
export type SearchPlan = {
  /** True when the index drives: there are words, filters, or an access word for the reader. */
  indexed: boolean;
  /** The engine's match expression; "" when not indexed. */
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
  /**
   * The condition that the cable numbered `seq` may be read at all as far as the parser goes (not derived by another
   * one): on every match, since an index row neither carries the version nor always meets its cables row.
   */
  current: (seq: RawBuilder<number>) => RawBuilder<unknown>;
  /** Row numbers in the date range: [from, to). */
  range: [number, number] | null;
  /**
   * Further conditions on the row number `k` of a match, whichever table it is read from (the declassification
   * schedule's `decl:` filters): they hold on every path, the index alone included.
   */
  rowConditions: ((k: RawBuilder<number>) => RawBuilder<unknown>)[];
  /** True when the reader may read everything, so index rows need no look at their cables. */
  unrestricted: boolean;
  /**
   * True when the reader's access word in the expression decides exactly what they may read (accessWordDecides),
   * so the count needs no look at the cables; the facets and the page still apply readableBy.
   */
  countInIndex: boolean;
};

/** The search statements of one engine. */
export type SearchEngine = {
  /**
   * The engine's match expression for "all of `positive` and none of `negative`" (with no positive terms, "any of
   * `negative`"). `{ pairs: false }` writes phrases by positions alone (see postgresFtsExpression).
   * @example store.search.expression([{ words: ["kosovo"], prefix: false, column: "text" }], [])
   */
  expression(positive: FtsTerm[], negative: FtsTerm[], options?: { pairs?: boolean }): string;
  /**
   * The expression "any of `highlight` in a subject", matched by relevancePage's cheap ranking.
   * @example store.search.subjectExpression(query.highlight)
   */
  subjectExpression(highlight: FtsTerm[]): string;
  /**
   * The condition on the cable `c` that its index row does not match `expression`: looked up once as a set, since
   * probing the index row by row costs a match per cable.
   * @example store.search.notMatching(store.search.expression([], query.negative))
   */
  notMatching(expression: string): RawBuilder<unknown>;
  /**
   * Counts matches up to COUNT_CAP and computes the facets over the newest FACET_SAMPLE of them.
   * @example await store.search.countAndFacets(plan) // { count: 12, facets: { tags: Map { "PREL" => 9 }, ... } }
   */
  countAndFacets(plan: SearchPlan): Promise<CountAndFacets>;
  /**
   * Counts matches up to `cap` (the count is then `cap`), as countAndFacets counts them, without facets: how an
   * export learns, before it writes a byte, whether it is within its limit.
   * @example await store.search.countUpTo(plan, 50_001) // 12
   */
  countUpTo(plan: SearchPlan, cap: number): Promise<number>;
  /**
   * One page of `limit` rows in relevance order (best first, then newest) after `after`. `counted` is the same
   * search's countAndFacets, which an engine may wait for to know whether every match can be ranked.
   * @example await store.search.relevancePage(plan, null, 21, counting)
   */
  relevancePage(
    plan: SearchPlan,
    after: PagePosition | null,
    limit: number,
    counted: Promise<CountAndFacets>,
  ): Promise<PageRow[]>;
  /**
   * One page of `limit` rows newest first (unknown dates last) after `after`.
   * @example await store.search.datePage(plan, null, 21)
   */
  datePage(plan: SearchPlan, after: PagePosition | null, limit: number): Promise<PageRow[]>;
  /**
   * Which of the cables `seqs` (row numbers) the plan matches: how a watching saved search learns that new cables
   * match it, without running the whole search.
   * @example await store.search.matchingAmong(plan, [7, 9]) // [9]
   */
  matchingAmong(plan: SearchPlan, seqs: readonly number[]): Promise<number[]>;
};
