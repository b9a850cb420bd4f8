// Where the review queue takes its cables from: one small seam, so that the queue does not care how the cables due
// for review are found. declDatePassed is the plain answer until the declassification schedule's due list exists.
import { sql } from "kysely";
import type { Store } from "../../store/open-store.ts";
import { readableBy, type Reader } from "../access/index.ts";
import { modelOf } from "../archive/stored-model.ts";

/** The next cables a reviewer should review. */
export type ReviewQueueSource = {
  /**
   * Up to `count` ids of cables due for review that `reviewer` may read, in the order to review them, after the
   * cable `after` (null: from the start).
   * @example await source.next(reader, 20, null) // ["09STATE39345", ...]
   */
  next(reviewer: Reader, count: number, after: string | null): Promise<string[]>;
};

/** Cables read per step of the scan. */
const SCAN_PAGE = 500;

/**
 * The simplest honest source: classified cables the reviewer may read, not yet in the reading room and not
 * extended past `today`, whose E.O. line's declassification date has passed, oldest first. It scans the archive
 * in date order and reads each cable's model for its E.O. line; a schedule with the review date as a column
 * answers the same without the scan.
 * @example await declDatePassed(store, () => "2026-12-06").next(reader, 20, null)
 */
export function declDatePassed(store: Store, today: () => string): ReviewQueueSource {
  return {
    async next(reviewer, count, after) {
      const day = today();
      const start = after === null ? null : await seqOf(store, after);
      const found: string[] = [];
      let from = start ?? -1;
      while (found.length < count) {
        const rows = await store.db
          .selectFrom("cables as c")
          .innerJoin("cable_texts as t", "t.seq", "c.seq")
          .select(["c.seq", "c.id", "t.model", "t.raw", "t.parse_hints"])
          .where("c.class_rank", ">", 0)
          .where("c.seq", ">", from)
          .where(readableBy(reviewer, "c"))
          .where(({ not, exists, selectFrom }) =>
            not(exists(selectFrom("reading_room as r").select("r.seq").whereRef("r.seq", "=", "c.seq"))),
          )
          .where(
            sql<boolean>`NOT EXISTS (SELECT 1 FROM declass_reviews d WHERE d.cable_id = c.id
              AND d.outcome = 'extend' AND d.review_on > ${day})`,
          )
          .orderBy("c.seq")
          .limit(SCAN_PAGE)
          .execute();
        for (const row of rows) {
          const decl = modelOf(row).eo?.decl ?? null;
          if (decl !== null && decl <= day) found.push(row.id);
          if (found.length === count) break;
        }
        if (rows.length < SCAN_PAGE) break;
        from = Number(rows[rows.length - 1]!.seq);
      }
      return found;
    },
  };
}

async function seqOf(store: Store, id: string): Promise<number | null> {
  const row = await store.db.selectFrom("cables").select("seq").where("id", "=", id).executeTakeFirst();
  return row ? Number(row.seq) : null;
}
