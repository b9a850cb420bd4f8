// A cable from a tasked post that cites the tasking cable reports the task: called when cables are archived,
// whether imported or released, so a reply counts however it arrives.
import type { Kysely } from "kysely";
import type { Cable } from "../../core/index.ts";
import type { Database } from "../../store/database.ts";

/** What reporting needs of a cable: who sent it and what it cites. A full `Cable` is one. */
export type CitingCable = Pick<Cable, "id" | "origin"> & { references: readonly { id: string | null }[] };

// Bound parameters per lookup, well under both dialects' limits.
const CHUNK = 500;

/**
 * Marks reported every open task whose post is the origin of one of `cables` and whose tasking cable it cites.
 * Idempotent: a task already reported or done keeps its first report. One query per 500 cited ids, so an import
 * of thousands of cables pays almost nothing when no task is open.
 * @example await reportTasks(db, [parisReplyCitingDemarche], now) // PARIS's task on the demarche is now reported
 */
export async function reportTasks(db: Kysely<Database>, cables: readonly CitingCable[], now: string): Promise<void> {
  const citing = new Map<string, { station: string; id: string }[]>();
  for (const cable of cables) {
    if (!cable.origin || !cable.id) continue;
    for (const ref of cable.references) {
      if (!ref.id || ref.id === cable.id) continue;
      const list = citing.get(ref.id) ?? [];
      list.push({ station: cable.origin.toUpperCase(), id: cable.id });
      citing.set(ref.id, list);
    }
  }
  const cited = [...citing.keys()];
  for (let i = 0; i < cited.length; i += CHUNK) {
    const open = await db
      .selectFrom("tasks")
      .select(["id", "station", "cable_id"])
      .where("cable_id", "in", cited.slice(i, i + CHUNK))
      .where("reported_at", "is", null)
      .where("done_at", "is", null)
      .execute();
    for (const task of open) {
      const reply = citing.get(task.cable_id)?.find((c) => c.station === task.station);
      if (!reply) continue;
      await db
        .updateTable("tasks")
        .set({ reported_at: now, reported_by_cable: reply.id })
        .where("id", "=", task.id)
        .where("reported_at", "is", null)
        .where("done_at", "is", null)
        .execute();
    }
  }
}
