// The due list: the cables whose declassification review date falls before a day, counted by origin and by
// classification, overdue apart, and listed oldest review date first; only cables the reader may read.
import { sql, type Kysely } from "kysely";
import { z } from "zod";
import { dueStatus, isoDay, nextDay, ISO_DATE_PATTERN, type DeclassBasis, type DueStatus } from "../../core/index.ts";
import type { Database } from "../../store/database.ts";
import type { Store } from "../../store/open-store.ts";
import type { Reader } from "../access/index.ts";
import type { Acting } from "../acting.ts";
import type { Clock } from "../clock.ts";
import { parseInput } from "../parse-input.ts";
import { assertMaySeeSchedule } from "./schedule-access.ts";
import { dueBefore } from "./due-before.ts";
import { dueCounts } from "./due-counts.ts";
import { scheduleRowReadableBy } from "./schedule-readable-by.ts";

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

/** A listed cable with the date it is due for review (its own, or an extension's) and the reason of its own. */
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
 * counts from those kept per month and set of locks (dueCounts), then one page of cables from the schedule's index.
 * A cable a review has settled (in the reading room) is not due, and one extended is due on its new date. The access
 * rule decides every count and row, so no count reveals a cable the reader may not read. INVALID_INPUT for a bad
 * date or limit.
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
  const origin = q.origin === undefined ? undefined : q.origin.toUpperCase();
  const classification = q.classification === undefined ? undefined : q.classification.toUpperCase();
  const [groups, cables] = await Promise.all([
    dueCounts(store, reader, before, today < before ? today : before),
    listDue(store.db, reader, before, today, { ...q, origin, classification }),
  ]);
  const byOrigin = new Map<string, DueCount>();
  const byClassification = new Map<string, DueCount>();
  let due = 0;
  let overdue = 0;
  let listed = 0;
  for (const group of groups) {
    const o = group.origin ?? UNKNOWN;
    const c = group.classification ?? UNKNOWN;
    due += group.due;
    overdue += group.overdue;
    if ((origin === undefined || origin === o) && (classification === undefined || classification === c))
      listed += group.due;
    for (const [map, value] of [
      [byOrigin, o],
      [byClassification, c],
    ] as const) {
      const count = map.get(value) ?? { value, due: 0, overdue: 0 };
      count.due += group.due;
      count.overdue += group.overdue;
      map.set(value, count);
    }
  }
  return {
    today,
    before,
    due,
    overdue,
    byOrigin: sorted(byOrigin),
    byClassification: sorted(byClassification),
    cables,
    listed,
  };
}

/** How a group without an origin or a classification is named, and asked for. */
const UNKNOWN = "UNKNOWN";

async function listDue(
  db: Kysely<Database>,
  reader: Reader,
  before: string,
  today: string,
  q: z.output<typeof DueQuerySchema>,
): Promise<DueCable[]> {
  const filters = [dueBefore(before, "d"), scheduleRowReadableBy(reader, "d")];
  if (q.origin) filters.push(q.origin === UNKNOWN ? sql`d.origin IS NULL` : sql`d.origin = ${q.origin}`);
  if (q.classification) {
    const c = q.classification;
    filters.push(c === UNKNOWN ? sql`d.classification IS NULL` : sql`d.classification = ${c}`);
  }
  const page = await sql<{
    id: string;
    subject: string | null;
    dtg: string | null;
    origin: string | null;
    classification: string | null;
    due_on: string;
    basis: string;
    reason: string;
  }>`SELECT c.id, c.subject, c.dtg, d.origin, d.classification, d.due_on, d.basis, d.reason
    FROM cable_declass d JOIN cables c ON c.seq = d.seq WHERE ${sql.join(filters, sql` AND `)}
    ORDER BY d.due_on, d.seq LIMIT ${q.limit ?? DEFAULT_LIMIT} OFFSET ${q.offset ?? 0}`.execute(db);
  return page.rows.map((r) => ({
    id: r.id,
    subject: r.subject,
    dtg: r.dtg,
    origin: r.origin,
    classification: r.classification,
    reviewOn: r.due_on,
    status: dueStatus(r.due_on, today),
    basis: r.basis as DeclassBasis,
    reason: r.reason,
  }));
}

function sorted(map: Map<string, DueCount>): DueCount[] {
  return [...map.values()].sort((a, b) => b.due - a.due || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}
