// Migration 0023: the search index holds the English stems of each cable's words beside the words (full-text.ts
// indexStems), so an unquoted word finds its other forms ("recognized" finds "recognizing").
//
// SQLite's index is a file of its own, attached after migrations: an index file without the `stems` column is
// emptied when attached and filled again by repairSearchIndex (search-index.ts), which `cablegram serve` logs with
// its progress. PostgreSQL's rows get their stem lexemes here, from the words their tsvector holds (the subject's,
// weight A, and the body's, B), a batch at a time, with progress on stderr for a large archive.
import { sql, type Kysely } from "kysely";
import type { Dialect } from "../open-store.ts";
import { STEM_MARK } from "../postgres/stem-lexemes.ts";
import { englishStem } from "../english-stem.ts";

const BATCH = 2_000;
/** Archives with more cables than this say how far the migration is. */
const REPORT_FROM = 20_000;

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect !== "postgres") return;
  const { rows: counted } = await sql<{ n: string }>`SELECT count(*) AS n FROM cable_fts`.execute(db);
  const total = Number(counted[0]!.n);
  if (total === 0) return;
  const report = total > REPORT_FROM;
  // Rebuilt after the update, as in migration 0013: updating the indexed column row by row is far slower.
  await sql`DROP INDEX cable_fts_words`.execute(db);
  let after = -1;
  for (let done = 0; ;) {
    const { rows } = await sql<{ seq: string; words: string[] }>`
      SELECT seq, ARRAY(SELECT u.lexeme FROM unnest(tsv) AS u WHERE u.weights && ARRAY['A', 'B']) AS words
      FROM cable_fts WHERE seq > ${after} ORDER BY seq LIMIT ${BATCH}`.execute(db);
    if (rows.length === 0) break;
    const stems = rows.map((row) => {
      const distinct = new Set<string>();
      for (const word of row.words) {
        const stem = englishStem(word);
        if (stem !== word) distinct.add(STEM_MARK + stem);
      }
      return [...distinct].join("|");
    });
    await sql`UPDATE cable_fts f SET tsv = f.tsv || array_to_tsvector(string_to_array(t.w, '|'))
      FROM unnest(${rows.map((r) => r.seq)}::bigint[], ${stems}::text[]) AS t(s, w)
      WHERE f.seq = t.s AND t.w <> ''`.execute(db);
    after = Number(rows[rows.length - 1]!.seq);
    done += rows.length;
    if (report) process.stderr.write(`cablegram: migration 0023 (English stems): ${done} of ${total} cables\n`);
  }
  await sql`CREATE INDEX cable_fts_words ON cable_fts USING gin (tsv, bkt)`.execute(db);
}
