// The reading room on PostgreSQL: its own table of released text's lexemes (migration 0028), the same words, word
// pairs and stems as the archive's cable_fts, so the archive's tsquery finds the same things here.
import { sql, type Kysely, type RawBuilder } from "kysely";
import type { Database } from "../database.ts";
import { ftsText } from "../full-text.ts";
import type { ReadingRoomPlan, ReadingRoomRow, ReadingRoomStore } from "../reading-room.ts";
import { countAndFacetsOf, PAGE_COLUMNS, rangeOf, readingRoomFacets } from "../reading-room-statements.ts";
import { stemLexemes } from "./stem-lexemes.ts";
import { wordPairs } from "./word-pairs.ts";

/**
 * The reading room statements of the PostgreSQL database `db`.
 * @example await postgresReadingRoom(db).datePage(plan, null, 21)
 */
export function postgresReadingRoom(db: Kysely<Database>): ReadingRoomStore {
  return {
    write: async (entry) => {
      const { tags, fts, ...row } = entry;
      await db.insertInto("reading_room").values(row).execute();
      if (tags.length > 0)
        await db
          .insertInto("reading_room_tags")
          .values([...new Set(tags)].map((tag) => ({ seq: row.seq, tag })))
          .execute();
      if (fts === null) return;
      const subject = ftsText(fts.subject);
      const body = ftsText(fts.body);
      const extra = [...wordPairs(subject), ...wordPairs(body), ...stemLexemes(subject, body)];
      await sql`INSERT INTO reading_room_fts (seq, tsv)
        VALUES (${row.seq}, setweight(to_tsvector('simple', ${subject}), 'A')
          || setweight(to_tsvector('simple', ${body}), 'B') || setweight(to_tsvector('simple', ${fts.meta}), 'D')
          || array_to_tsvector(${extra}::text[]))`.execute(db);
    },
    countAndFacets: async (plan) => readingRoomFacets(await run(db, plan, countAndFacetsOf(matching(plan, null)))),
    datePage: (plan, before, limit) =>
      run(
        db,
        plan,
        sql<ReadingRoomRow>`SELECT ${PAGE_COLUMNS} FROM reading_room r
        WHERE r.seq IN (${matching(plan, before)} LIMIT ${limit}) ORDER BY r.seq DESC`,
      ),
  };
}

/**
 * Runs a statement that matches words with sequential scans turned off for it, as the archive's search does
 * (postgres-search.ts): the full-text table looks tiny to the planner, its tsvectors living in TOAST, so it would
 * read every row's tsvector back (200 ms for 25,000 versions, even for a word in none) rather than ask GIN.
 */
async function run<T>(db: Kysely<Database>, plan: ReadingRoomPlan, statement: RawBuilder<T>): Promise<T[]> {
  if ((plan.expression === "" && plan.excluded === "") || db.isTransaction) return (await statement.execute(db)).rows;
  return db.transaction().execute(async (tx) => {
    await sql`SET LOCAL enable_seqscan = off`.execute(tx);
    return (await statement.execute(tx)).rows;
  });
}

/** The row numbers of matching released versions before `before`, newest first (without a LIMIT). */
function matching(plan: ReadingRoomPlan, before: number | null): RawBuilder<unknown> {
  const k = plan.expression === "" ? sql.ref<number>("r.seq") : sql.ref<number>("f.seq");
  const excluded =
    plan.excluded === ""
      ? sql``
      : sql` AND ${k} NOT IN (SELECT x.seq FROM reading_room_fts x WHERE x.tsv @@ ${plan.excluded}::tsquery)`;
  if (plan.expression === "")
    return sql`SELECT r.seq AS seq FROM reading_room r WHERE r.kind = 'released' AND ${rangeOf(plan, k, before)}${excluded}
      ORDER BY r.seq DESC`;
  // Ordered by an expression, not the key: walking the key's index newest first would test each row's tsvector (read
  // from TOAST) in turn, where GIN's bitmap finds the matches without reading one.
  return sql`SELECT f.seq AS seq FROM reading_room_fts f WHERE f.tsv @@ ${plan.expression}::tsquery
    AND ${rangeOf(plan, k, before)}${excluded} ORDER BY f.seq + 0 DESC`;
}
