// Where the review queue takes its cables from: one small seam, so that the queue does not care how the cables due
// for review are found. dueForReview answers from the declassification schedule.
import { sql } from "kysely";
import type { Store } from "../../store/open-store.ts";
import type { Reader } from "../access/index.ts";
import { nextDay } from "../../core/index.ts";
import { dueBefore } from "./due-before.ts";
import { scheduleRowReadableBy } from "./schedule-readable-by.ts";

/** The next cables a reviewer should review. */
export type ReviewQueueSource = {
  /**
   * Up to `count` ids of cables due for review that `reviewer` may read, in the order to review them, after the
   * cable `after` (null: from the start).
   * @example await source.next(reader, 20, null) // ["09STATE39345", ...]
   */
  next(reviewer: Reader, count: number, after: string | null): Promise<string[]>;
};

/**
 * The review queue from the declassification schedule: the cables `reviewer` may read whose review date is today
 * or earlier and that no decision has settled (see dueBefore), the longest due first, from the schedule's index.
 * @example await dueForReview(store, () => "2026-12-06").next(reader, 20, null) // ["09STATE39345", ...]
 */
export function dueForReview(store: Store, today: () => string): ReviewQueueSource {
  return {
    async next(reviewer, count, after) {
      const day = today();
      // The cable `after` was in the queue at its due date; decided since (released, or extended), it has none
      // today, and the queue goes on from its own review date.
      const from =
        after === null
          ? null
          : ((
              await sql<{ at: string | null; seq: number | string }>`SELECT CASE WHEN d.due_on <= ${day}
                  THEN d.due_on ELSE d.review_on END AS at, d.seq
                FROM cable_declass d JOIN cables c ON c.seq = d.seq WHERE c.id = ${after}`.execute(store.db)
            ).rows[0] ?? null);
      const at = from?.at ?? null;
      const rows = await sql<{ id: string }>`SELECT c.id FROM cable_declass d JOIN cables c ON c.seq = d.seq
        WHERE ${dueBefore(nextDay(day), "d")} AND ${scheduleRowReadableBy(reviewer, "d")}
          ${at === null ? sql`` : sql`AND (d.due_on > ${at} OR (d.due_on = ${at} AND d.seq > ${Number(from!.seq)}))`}
        ORDER BY d.due_on, d.seq LIMIT ${count}`.execute(store.db);
      return rows.rows.map((r) => r.id);
    },
  };
}
