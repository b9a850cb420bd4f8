// Migration 0013: PostgreSQL's full-text rows hold the pairs of adjacent words as lexemes too ("~security council"), so
// that phrases are found by the index. A phrase query (`<->`) makes GIN recheck every row holding all its words against
// the row's tsvector, read from TOAST, which grows with the archive. A two-word phrase is therefore its pair, answered
// by the index alone; a longer one is narrowed to the rows holding all its pairs before the recheck.
//
// cable-writes.ts writes the pairs of new rows (full-text.ts wordPairs: the subject's and the body's, no pair
// across the two, as SQLite's separate columns have none, and none with a stop word). This migration gives the rows
// written before it theirs, from each tsvector's own positions, by the same rule.
import { sql, type Kysely } from "kysely";
import { PAIR_MARK, PAIR_STOP_WORDS } from "../postgres/word-pairs.ts";
import type { Dialect } from "../open-store.ts";

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect !== "postgres") return;
  const stop = sql.lit(`{${[...PAIR_STOP_WORDS].join(",")}}`);
  // The body's words are weight B, the subject's A (cable-writes.ts); the fielded-filter words (D) make no pairs.
  await sql`CREATE FUNCTION cablegram_word_pairs(v tsvector) RETURNS tsvector LANGUAGE sql IMMUTABLE AS $$
      SELECT coalesce(array_to_tsvector(array_agg(DISTINCT ${sql.lit(PAIR_MARK)} || l || ' ' || nl)), ''::tsvector)
      FROM (
        SELECT l, p, w, lead(l) OVER o AS nl, lead(p) OVER o AS np, lead(w) OVER o AS nw
        FROM (
          SELECT u.lexeme AS l, x.p, x.w
          FROM unnest(v) AS u, unnest(u.positions, u.weights) AS x(p, w)
          WHERE x.w IN ('A', 'B')
        ) AS words
        WINDOW o AS (ORDER BY p)
      ) AS pairs
      WHERE np = p + 1 AND nw = w AND length(l) <= 500 AND length(nl) <= 500
        AND NOT l = ANY (${stop}::text[]) AND NOT nl = ANY (${stop}::text[])
    $$`.execute(db);
  // Rebuilt after the update: updating the indexed column row by row would insert each new lexeme one at a time.
  await sql`DROP INDEX cable_fts_words`.execute(db);
  await sql`UPDATE cable_fts SET tsv = tsv || cablegram_word_pairs(tsv)`.execute(db);
  await sql`CREATE INDEX cable_fts_words ON cable_fts USING gin (tsv, bkt)`.execute(db);
  await sql`DROP FUNCTION cablegram_word_pairs(tsvector)`.execute(db);
}
