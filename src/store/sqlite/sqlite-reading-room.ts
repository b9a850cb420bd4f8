// The reading room on SQLite: its own FTS5 table of released text (migration 0028), walked newest first by row number.
import { sql, type Kysely, type RawBuilder } from "kysely";
import type { Database } from "../database.ts";
import { indexStems } from "../full-text.ts";
import type { ReadingRoomPlan, ReadingRoomRow, ReadingRoomStore } from "../reading-room.ts";
import { countAndFacetsOf, PAGE_COLUMNS, rangeOf, readingRoomFacets } from "../reading-room-statements.ts";

/**
 * The reading room statements of the SQLite database `db`.
 * @example await sqliteReadingRoom(db).datePage(plan, null, 21)
 */
export function sqliteReadingRoom(db: Kysely<Database>): ReadingRoomStore {
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
      const stems = indexStems(`${fts.subject} ${fts.body}`).join(" ");
      await sql`INSERT INTO reading_room_fts (rowid, subject, body, meta, stems)
        VALUES (${row.seq}, ${fts.subject}, ${fts.body}, ${fts.meta}, ${stems})`.execute(db);
    },
    countAndFacets: async (plan) => readingRoomFacets((await countAndFacetsOf(matching(plan, null)).execute(db)).rows),
    datePage: async (plan, before, limit) => {
      const { rows } = await sql<ReadingRoomRow>`SELECT ${PAGE_COLUMNS} FROM reading_room r
        WHERE r.seq IN (${matching(plan, before)} LIMIT ${limit}) ORDER BY r.seq DESC`.execute(db);
      return rows;
    },
  };
}

/** The row numbers of matching released versions before `before`, newest first (without a LIMIT). */
function matching(plan: ReadingRoomPlan, before: number | null): RawBuilder<unknown> {
  const k = plan.expression === "" ? sql.ref<number>("r.seq") : sql.ref<number>("f.rowid");
  const excluded =
    plan.excluded === ""
      ? sql``
      : sql` AND ${k} NOT IN (SELECT rowid FROM reading_room_fts WHERE reading_room_fts MATCH ${plan.excluded})`;
  if (plan.expression === "")
    return sql`SELECT r.seq AS seq FROM reading_room r WHERE r.kind = 'released' AND ${rangeOf(plan, k, before)}${excluded}
      ORDER BY r.seq DESC`;
  return sql`SELECT f.rowid AS seq FROM reading_room_fts f WHERE f.reading_room_fts MATCH ${plan.expression}
    AND ${rangeOf(plan, k, before)}${excluded} ORDER BY f.rowid DESC`;
}
