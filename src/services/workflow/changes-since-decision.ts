// What changed in a draft since a clearer last cleared or objected to it: shown when they are asked again, on the
// queue and on the draft, so that they read the change rather than the whole cable once more.
import type { Kysely } from "kysely";
import { diffCables, type Cable } from "../../core/index.ts";
import type { Database } from "../../store/database.ts";
import type { LastDecision } from "./draft-schema.ts";

/** A clearance asked: its id, its draft, whom it is asked of, and the draft's cable as it is now. */
export type AskedClearance = { clearanceId: string; draftId: string; kind: string; clearer: string; cable: Cable };

/**
 * For each clearance asked again, the last decision its clearer (the same office or person) made on the draft and
 * the diff from the text then decided on to the draft as it is now. Asked again is either the same clearance put
 * back to `requested` by an edit, or a new request after an objection; a clearer who never decided is left out.
 * @example (await changesSinceDecision(db, [asked])).get(asked.clearanceId)?.diff.subject // { before: "A", after: "B" }
 */
export async function changesSinceDecision(
  db: Kysely<Database>,
  asked: readonly AskedClearance[],
): Promise<Map<string, LastDecision>> {
  const out = new Map<string, LastDecision>();
  if (asked.length === 0) return out;
  const rows = await db
    .selectFrom("clearance_snapshots as s")
    .innerJoin("draft_clearances as c", "c.id", "s.clearance_id")
    .select([
      "s.draft_id",
      "c.kind",
      "c.clearer",
      "s.decision",
      "s.comment",
      "s.decided_by",
      "s.decided_at",
      "s.revision",
      "s.model",
    ])
    .where("s.draft_id", "in", [...new Set(asked.map((a) => a.draftId))])
    .orderBy("s.decided_at")
    .orderBy("s.revision")
    .execute();
  // Oldest first, so the last one set is the latest decision of each clearer.
  const latest = new Map(rows.map((r) => [clearerKey(r.draft_id, r.kind, r.clearer), r]));
  for (const a of asked) {
    const last = latest.get(clearerKey(a.draftId, a.kind, a.clearer));
    if (!last) continue;
    out.set(a.clearanceId, {
      decision: last.decision === "objected" ? "objected" : "cleared",
      comment: last.comment,
      decidedBy: last.decided_by,
      decidedAt: last.decided_at,
      revision: Number(last.revision),
      diff: diffCables(JSON.parse(last.model) as Cable, a.cable),
    });
  }
  return out;
}

function clearerKey(draftId: string, kind: string, clearer: string): string {
  return `${draftId}\u0000${kind}\u0000${clearer.toUpperCase()}`;
}
