// Fills the declassification schedule (migration 0027) for the cables archived before it existed: each cable's
// review date and reason, worked out from its stored model and telegram text as when it is archived.
import { sql, type RawBuilder } from "kysely";
import { scheduleOfCable } from "../../core/index.ts";
import { lockKeyOf } from "../../store/lock-key.ts";
import type { Store } from "../../store/open-store.ts";
import { modelOf, type StoredModel } from "../archive/stored-model.ts";

const BATCH = 500;

type Unscheduled = StoredModel & {
  seq: number | string;
  origin: string | null;
  classification: string | null;
  class_rank: number;
  needs_access: number;
  captioned: number;
};

/**
 * Schedules the archived cables that have no row in the schedule yet, a batch of 500 a transaction, and answers
 * how many it scheduled; `onProgress(done, total)` after each batch. Costs two counts when nothing is missing, so
 * every start and command calls it.
 * @example await scheduleArchivedCables(store, (done, total) => bar.update(done)) // 1297 on a first run, then 0
 */
export async function scheduleArchivedCables(
  store: Store,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const counts = await sql<{ cables: number | string; scheduled: number | string }>`SELECT
    (SELECT count(*) FROM cables) AS cables, (SELECT count(*) FROM cable_declass) AS scheduled`.execute(store.db);
  const row = counts.rows[0];
  if (row && Number(row.cables) === Number(row.scheduled)) return 0;
  const missing = (
    await sql<{ seq: number | string }>`SELECT c.seq FROM cables c
      WHERE NOT EXISTS (SELECT 1 FROM cable_declass d WHERE d.seq = c.seq) ORDER BY c.seq`.execute(store.db)
  ).rows.map((r) => r.seq);
  for (let i = 0; i < missing.length; i += BATCH) {
    const seqs = missing.slice(i, i + BATCH);
    const { rows } = await sql<Unscheduled>`
      SELECT c.seq, c.origin, c.classification, c.class_rank, c.needs_access, c.captioned, t.model, t.raw,
        t.parse_hints
      FROM cables c JOIN cable_texts t ON t.seq = c.seq WHERE c.seq IN (${sql.join(seqs)})`.execute(store.db);
    const caveats = await sideRows(
      store,
      sql`SELECT seq, caveat AS v FROM cable_caveats WHERE seq IN (${sql.join(seqs)})`,
    );
    const grants = await sideRows(
      store,
      sql`SELECT seq, grant_key AS v FROM cable_grants WHERE seq IN (${sql.join(seqs)})`,
    );
    const values = rows.map((row) => {
      const { reviewOn, basis, source, reason } = scheduleOfCable(modelOf(row), row.raw);
      const seq = Number(row.seq);
      const lockKey = lockKeyOf({
        classRank: Number(row.class_rank),
        caveats: caveats.get(seq) ?? [],
        captioned: Number(row.captioned) === 1,
        grants: grants.get(seq) ?? [],
      });
      return {
        seq: Number(row.seq),
        review_on: reviewOn,
        basis,
        source,
        reason,
        origin: row.origin,
        classification: row.classification,
        class_rank: Number(row.class_rank),
        needs_access: Number(row.needs_access),
        captioned: Number(row.captioned),
        lock_key: lockKey,
        due_on: reviewOn,
      };
    });
    // A cable archived meanwhile by another process was scheduled by its own write.
    if (values.length > 0) {
      await store.db
        .insertInto("cable_declass")
        .values(values)
        .onConflict((oc) => oc.column("seq").doNothing())
        .execute();
    }
    onProgress?.(Math.min(i + BATCH, missing.length), missing.length);
  }
  return missing.length;
}

/** A side table's values (caveats, grants) by row number. */
async function sideRows(store: Store, query: RawBuilder<unknown>): Promise<Map<number, string[]>> {
  const bySeq = new Map<number, string[]>();
  const { rows } = await sql<{ seq: number | string; v: string }>`${query}`.execute(store.db);
  for (const row of rows) {
    const seq = Number(row.seq);
    bySeq.set(seq, [...(bySeq.get(seq) ?? []), row.v]);
  }
  return bySeq;
}
