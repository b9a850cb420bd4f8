// Migration 0010: PostgreSQL's full-text rows carry what a search reads besides the words, so a search of a common
// word answers from cable_fts alone, and its newest matches come a year at a time: the subject's words (`subj`), the
// access locks readableBy tests, and the row's bucket (`bkt`), which the GIN index holds beside the words.
//
// A search ranks and counts thousands of matches. Joining each to `cables` for its locks costs a lookup a match, and
// asking whether a query word is in the subject (`'w':A` on `tsv`) makes GIN recheck every hit against its tsvector,
// read from TOAST. `subj` is small and stored inline in the row the index scan fetches anyway. GIN hands its matches
// over in no order; with buckets in the same index, one scan finds a word's matches in the newest buckets only
// (postgres/postgres-search.ts newestMatches), so the newest 10,001 of any number of matches cost what 10,001 do.
// SQLite's full-text table is FTS5's (virtual), which holds no such columns and walks row numbers in order.
import { sql, type Kysely } from "kysely";
import type { Dialect } from "../open-store.ts";

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect !== "postgres") return;
  // Rebuilt below with `bkt`: keeping it through the rewrite and update would re-index every row one by one.
  await sql`DROP INDEX cable_fts_tsv`.execute(db);
  // A bucket is 2^40 row numbers: 2^19 DTG minutes (date-seq.ts), about a year. '#' keeps it apart from words.
  await sql`ALTER TABLE cable_fts ADD COLUMN subj tsvector, ADD COLUMN class_rank integer,
    ADD COLUMN needs_access integer, ADD COLUMN captioned integer,
    ADD COLUMN bkt tsvector GENERATED ALWAYS AS (array_to_tsvector(ARRAY['#' || (seq >> 40)::text])) STORED`.execute(
    db,
  );
  // The subject was indexed with weight A (cable-writes.ts), so its words are the A-weighted ones.
  await sql`UPDATE cable_fts f SET subj = ts_filter(f.tsv, '{a}'), class_rank = c.class_rank,
    needs_access = c.needs_access, captioned = c.captioned
    FROM cables c WHERE c.seq = f.seq`.execute(db);
  await sql`ALTER TABLE cable_fts ALTER COLUMN subj SET NOT NULL, ALTER COLUMN class_rank SET NOT NULL,
    ALTER COLUMN needs_access SET NOT NULL, ALTER COLUMN captioned SET NOT NULL`.execute(db);
  await sql`CREATE INDEX cable_fts_words ON cable_fts USING gin (tsv, bkt)`.execute(db);
}
