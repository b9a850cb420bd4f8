// The due list: the cables whose declassification review date falls before a day, counted by origin and by
// classification, overdue apart, and listed oldest review date first; only cables the reader may read.
import { sql, type Kysely, type RawBuilder } from "kysely";
import { z } from "zod";
import { dueStatus, isoDay, nextDay, ISO_DATE_PATTERN, type DeclassBasis, type DueStatus } from "../../core/index.ts";
import type { Database } from "../../store/database.ts";
import type { Store } from "../../store/open-store.ts";
import type { Reader } from "../access/index.ts";
import type { Acting } from "../acting.ts";
import type { Clock } from "../clock.ts";
import { parseInput } from "../parse-input.ts";
import { assertMaySeeSchedule } from "./schedule-access.ts";
import { scheduleRowReadableBy } from "./schedule-readable-by.ts";
import { awaitingReview } from "./awaiting-review.ts";

const IsoDateSchema = z.string().trim().regex(ISO_DATE_PATTERN, "a date as YYYY-MM-DD, such as 2020-01-01");

/** What to list; all optional. */
export const DueQuerySchema = z.object({
  /** Review dates before this day (YYYY-MM-DD, exclusive); by default the day after today: due by today. */
  before: IsoDateSchema.optional(),
  /** Only cables from this origin (station) in the list; the counts stay whole. */
  origin: z.string().trim().min(1).max(64).optional(),
  /** Only cables of this classification in the list. */
  classification: z.string().trim().min(1).max(32).optional(),
  /** Cables listed, 1 to 1,000; 100 by default. */
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  /** Cables skipped before the list starts (paging). */
  offset: z.coerce.number().int().min(0).max(10_000_000).optional(),
});
export type DueQuery = z.input<typeof DueQuerySchema>;

/** Counts of one group: all due before the day, and those overdue today. */
export type DueCount = { value: string; due: number; overdue: number };

/** A listed cable with its review date and reason. */
export type DueCable = {
  id: string;
  subject: string | null;
  dtg: string | null;
  origin: string | null;
  classification: string | null;
  reviewOn: string;
  status: DueStatus;
  basis: DeclassBasis;
  reason: string;
};

export type DueList = {
  today: string;
  /** Exclusive: the cables listed have a review date before this day. */
  before: string;
  due: number;
  overdue: number;
  byOrigin: DueCount[];
  byClassification: DueCount[];
  /** The listed cables (after the filters), oldest review date first. */
  cables: DueCable[];
  /** How many cables the filters leave, of which `cables` is one page. */
  listed: number;
};

const DEFAULT_LIMIT = 100;

/**
 * The due list for a user who may see the schedule (FORBIDDEN otherwise), over the cables `reader` may read:
 * counts in one statement over the schedule's index, then one page of cables. A cable a review has settled (in the
 * reading room, or extended past today) is not due. The access rule is applied inside
 * both statements, so no count reveals a cable the reader may not read. INVALID_INPUT for a bad date or limit.
 * @example await dueList({ store, clock }, archivist, readerOf(archivist), { before: "2020-01-01" })
 * // { today: "2026-12-06", before: "2020-01-01", due: 1812, overdue: 1812, byOrigin: [{ value: "STATE", ... }], ... }
 */
export async function dueList(
  { store, clock }: { store: Store; clock: Clock },
  by: Acting,
  reader: Reader,
  query: DueQuery = {},
): Promise<DueList> {
  assertMaySeeSchedule(by);
  const q = parseInput(DueQuerySchema, query, "due list query");
  const today = isoDay(clock.now());
  const before = q.before ?? nextDay(today);
  const readable = sql<boolean>`${scheduleRowReadableBy(reader, "d")} AND ${awaitingReview(today, "d")}`;
  const groups = await sql<{ origin: string | null; classification: string | null; late: number; n: number | string }>`
    SELECT d.origin, d.classification, CASE WHEN d.review_on < ${today} THEN 1 ELSE 0 END AS late, count(*) AS n
    FROM cable_declass d
    WHERE d.review_on IS NOT NULL AND d.review_on < ${before} AND ${readable}
    GROUP BY 1, 2, 3`.execute(store.db);
  const byOrigin = new Map<string, DueCount>();
  const byClassification = new Map<string, DueCount>();
  let due = 0;
  let overdue = 0;
  for (const row of groups.rows) {
    const n = Number(row.n);
    const late = Number(row.late) === 1 ? n : 0;
    due += n;
    overdue += late;
    for (const [map, value] of [
      [byOrigin, row.origin ?? "UNKNOWN"],
      [byClassification, row.classification ?? "UNKNOWN"],
    ] as const) {
      const count = map.get(value) ?? { value, due: 0, overdue: 0 };
      count.due += n;
      count.overdue += late;
      map.set(value, count);
    }
  }
  const listed = await listDue(store.db, readable, before, today, q, due);
  return {
    today,
    before,
    due,
    overdue,
    byOrigin: sorted(byOrigin),
    byClassification: sorted(byClassification),
    ...listed,
  };
}

async function listDue(
  db: Kysely<Database>,
  readable: RawBuilder<boolean>,
  before: string,
  today: string,
  q: z.output<typeof DueQuerySchema>,
  due: number,
): Promise<{ cables: DueCable[]; listed: number }> {
  const filters = [sql`d.review_on IS NOT NULL`, sql`d.review_on < ${before}`, readable];
  if (q.origin)
    filters.push(q.origin === "UNKNOWN" ? sql`d.origin IS NULL` : sql`d.origin = ${q.origin.toUpperCase()}`);
  if (q.classification) {
    const c = q.classification.toUpperCase();
    filters.push(c === "UNKNOWN" ? sql`d.classification IS NULL` : sql`d.classification = ${c}`);
  }
  const where = sql.join(filters, sql` AND `);
  const [page, count] = await Promise.all([
    sql<{
      id: string;
      subject: string | null;
      dtg: string | null;
      origin: string | null;
      classification: string | null;
      review_on: string;
      basis: string;
      reason: string;
    }>`SELECT c.id, c.subject, c.dtg, d.origin, d.classification, d.review_on, d.basis, d.reason
      FROM cable_declass d JOIN cables c ON c.seq = d.seq WHERE ${where}
      ORDER BY d.review_on, d.seq LIMIT ${q.limit ?? DEFAULT_LIMIT} OFFSET ${q.offset ?? 0}`.execute(db),
    q.origin || q.classification
      ? sql<{ n: number | string }>`SELECT count(*) AS n FROM cable_declass d WHERE ${where}`.execute(db)
      : null,
  ]);
  return {
    cables: page.rows.map((r) => ({
      id: r.id,
      subject: r.subject,
      dtg: r.dtg,
      origin: r.origin,
      classification: r.classification,
      reviewOn: r.review_on,
      status: dueStatus(r.review_on, today),
      basis: r.basis as DeclassBasis,
      reason: r.reason,
    })),
    listed: count === null ? due : Number(count.rows[0]?.n ?? 0),
  };
}

function sorted(map: Map<string, DueCount>): DueCount[] {
  return [...map.values()].sort((a, b) => b.due - a.due || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}
