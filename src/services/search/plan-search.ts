// Plans a search for a reader: the compiled query's index terms in the store's match language, the reader's access
// conditions, and the date range as row numbers. The store runs the plan (store.search).
import { sql, type RawBuilder } from "kysely";
import { SLOTS, seqAt } from "../../store/date-seq.ts";
import type { FtsTerm } from "../../store/full-text.ts";
import type { Store } from "../../store/open-store.ts";
import type { SearchPlan } from "../../store/search-engine.ts";
import { CLASSIFICATIONS } from "../../core/index.ts";
import {
  accessWordDecides,
  derivedByThisParser,
  indexRowReadableBy,
  readableBy,
  readerAccessToken,
  readerMeets,
  type Reader,
} from "../access/index.ts";
import type { CompiledQuery, DeclCondition } from "./compile-query.ts";

const TOP = CLASSIFICATIONS.length - 1;

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
  const subjectExpression = store.search.subjectExpression(q.highlight);
  const token = readerAccessToken(reader);
  if (token !== null) positive.push({ words: [token], prefix: false, column: "meta" });
  if (positive.length > 0) {
    return {
      indexed: true,
      expression: store.search.expression(positive, q.negative),
      // Only the words and phrases: a filter's or the access word's lexeme is weight D, which ranks 0, and ts_rank
      // of an AND holding one gave every match the same score, so relevance was date order.
      rankExpression: store.search.expression(q.highlight, [], { pairs: false }),
      subjectExpression,
      conditions: sql.join(parts, sql` AND `),
      indexConditions: indexRowReadableBy(reader, "f"),
      current: derivedByThisParser,
      range,
      rowConditions: q.decl.map(declCondition),
      unrestricted,
      countInIndex: unrestricted || (token !== null && accessWordDecides(reader)),
    };
  }
  if (q.negative.length > 0) parts.push(store.search.notMatching(store.search.expression([], q.negative)));
  return {
    indexed: false,
    expression: "",
    rankExpression: "",
    subjectExpression,
    conditions: sql.join(parts, sql` AND `),
    indexConditions: sql`1 = 1`,
    current: derivedByThisParser,
    range,
    rowConditions: q.decl.map(declCondition),
    unrestricted,
    countInIndex: false,
  };
}

/**
 * A `decl:` filter as a condition on a match's row number: in (or, excluded, not in) the schedule's rows that meet
 * it (migration 0027), looked up once as a set through the schedule's indexes.
 */
function declCondition({ negated, filter }: DeclCondition): (k: RawBuilder<number>) => RawBuilder<unknown> {
  let rows: RawBuilder<unknown>;
  if (filter.kind === "none") rows = sql`review_on IS NULL`;
  else if (filter.kind === "basis") rows = sql`basis = ${filter.basis}`;
  else {
    const parts = [sql`review_on IS NOT NULL`];
    if (filter.from !== null) parts.push(sql`review_on >= ${filter.from}`);
    if (filter.to !== null) parts.push(sql`review_on < ${filter.to}`);
    rows = sql.join(parts, sql` AND `);
  }
  const set = sql`(SELECT seq FROM cable_declass WHERE ${rows})`;
  return (k) => (negated ? sql`${k} NOT IN ${set}` : sql`${k} IN ${set}`);
}
