// Proposals, never decisions: the due cables a reviewer could release in full at one key, because every portion of
// them is unclassified (U or SBU). Nothing is changed; the reviewer decides (issue 20, bulk review).
import { sql } from "kysely";
import { portionsAllUnclassified, type Cable } from "../../core/index.ts";
import type { Reader } from "../access/index.ts";
import type { Acting } from "../acting.ts";
import type { Clock } from "../clock.ts";
import type { Store } from "../../store/open-store.ts";
import { modelOf, type StoredModel } from "../archive/stored-model.ts";
import { parseInput } from "../parse-input.ts";
import { isoDay, nextDay } from "../../core/index.ts";
import { dueBefore } from "./due-before.ts";
import { DueQuerySchema } from "./due-list.ts";
import { scheduleRowReadableBy } from "./schedule-readable-by.ts";
import { assertMaySeeSchedule } from "./schedule-access.ts";

const BATCH = 500;

/** A proposed release in full. */
export type ReleaseProposal = {
  id: string;
  subject: string | null;
  classification: string | null;
  reviewOn: string;
  /** The portion marks, in order, as written: all U or SBU. */
  portions: string[];
  proposal: "release-in-full";
  why: string;
};

export type ProposalRun = {
  before: string;
  /** Due cables looked at (readable by the reader). */
  examined: number;
  proposals: ReleaseProposal[];
};

/**
 * Proposes release in full for each due cable (review date before `before`, by default due by today) that `reader`
 * may read and whose portions are all unclassified. Reads the cables in batches of 500, oldest review date first;
 * `onProgress(done, total)` after each. Applies nothing. FORBIDDEN unless the user may see the schedule.
 * @example (await proposeReleases(deps, SYSTEM_ACTING, SYSTEM_READER, {})).proposals[0]
 * // { id: "10STATE1", proposal: "release-in-full", portions: ["U", "SBU"], ... }
 */
export async function proposeReleases(
  { store, clock }: { store: Store; clock: Clock },
  by: Acting,
  reader: Reader,
  query: { before?: string } = {},
  onProgress?: (done: number, total: number) => void,
): Promise<ProposalRun> {
  assertMaySeeSchedule(by);
  const q = parseInput(DueQuerySchema.pick({ before: true }), query, "proposal query");
  const before = q.before ?? nextDay(isoDay(clock.now()));
  const due = (
    await sql<{ seq: number | string }>`SELECT d.seq FROM cable_declass d
      WHERE ${dueBefore(before, "d")} AND ${scheduleRowReadableBy(reader, "d")}
      ORDER BY d.due_on, d.seq`.execute(store.db)
  ).rows.map((r) => r.seq);
  const proposals: ReleaseProposal[] = [];
  for (let i = 0; i < due.length; i += BATCH) {
    const seqs = due.slice(i, i + BATCH);
    const { rows } = await sql<StoredModel & { id: string; review_on: string; seq: number | string }>`
      SELECT c.seq, c.id, d.review_on, t.model, t.raw, t.parse_hints
      FROM cable_declass d JOIN cables c ON c.seq = d.seq JOIN cable_texts t ON t.seq = d.seq
      WHERE d.seq IN (${sql.join(seqs)}) ORDER BY d.due_on, d.seq`.execute(store.db);
    for (const row of rows) {
      const cable = modelOf(row);
      if (portionsAllUnclassified(cable)) proposals.push(proposalOf(row.id, row.review_on, cable));
    }
    onProgress?.(Math.min(i + BATCH, due.length), due.length);
  }
  return { before, examined: due.length, proposals };
}

function proposalOf(id: string, reviewOn: string, cable: Cable): ReleaseProposal {
  const portions = cable.paragraphs.flatMap((p) => (p.marking === null ? [] : [p.marking]));
  return {
    id,
    subject: cable.subject,
    classification: cable.classification,
    reviewOn,
    portions,
    proposal: "release-in-full",
    why: `due since ${reviewOn}; all ${portions.length} portions are unclassified (${[...new Set(portions)].join(", ")})`,
  };
}
