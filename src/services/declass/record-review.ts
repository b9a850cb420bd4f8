// Records a reviewer's decision on a cable: checked against the cable and the rules, then in one transaction the
// decision, the released version or withdrawal card the reading room shows, the chain link and the audit entry.
import { exemptionsOf, reviewProblems, type ReviewDecision, type ReviewOutcome } from "../../core/index.ts";
import { hasRole } from "../../core/roles.ts";
import { timeOrderedId } from "../../store/time-ordered-id.ts";
import { cableNotFound, readCable } from "../archive/read-cable.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { appendReviewLink, recordHead, signingKey, type ChainedReview } from "../chain/index.ts";
import type { Deps } from "../clock.ts";
import { CablegramError } from "../errors.ts";
import { readerOf } from "../users/reader-of.ts";
import type { User } from "../users/user-schema.ts";
import { readingRoomEntryOf } from "./reading-room-entry.ts";

/** What recording a review answers. */
export type RecordedReview = {
  reviewId: string;
  cableId: string;
  outcome: ReviewOutcome;
  /** Where the public sees the result; null for an extension. */
  readingRoom: string | null;
};

/**
 * Records `decision` on cable `cableId` by `user`, who must hold the reviewer role (FORBIDDEN) and be able to read
 * the cable: its clearance, caveats and captions (CABLE_NOT_FOUND otherwise, as for any cable they may not read).
 * A decision that breaks a rule is refused with REVIEW_INVALID and the problems in `details.problems`; a cable
 * already in the reading room with ALREADY_REVIEWED. The original cable is never changed.
 * @example await recordReview(deps, reviewer, "09STATE39345", decision) // { outcome: "release-in-part", readingRoom: "/reading-room/09STATE39345", ... }
 */
export async function recordReview(
  deps: Deps,
  user: User,
  cableId: string,
  decision: ReviewDecision,
): Promise<RecordedReview> {
  const { store, clock } = deps;
  if (!hasRole(user, "reviewer"))
    throw new CablegramError("FORBIDDEN", "This needs the reviewer role.", { role: "reviewer" });
  const read = await readCable(store, readerOf(user), cableId);
  if (!read) throw cableNotFound(cableId);
  const cable = read.cable;
  const id = cable.id!;
  const at = clock.now().toISOString();
  const date = at.slice(0, 10);
  const problems = reviewProblems(cable, decision, date);
  if (problems.length > 0) {
    const list = problems.map((p) => `${p.field}: ${p.message}`).join("; ");
    throw new CablegramError("REVIEW_INVALID", `The decision on ${id} cannot be recorded: ${list}.`, { problems });
  }
  const key = await signingKey(store);
  const reviewId = timeOrderedId(clock.now().getTime());
  const head = await store.transaction(async (tx) => {
    const row = await tx.db.selectFrom("cables").select("seq").where("id", "=", id).executeTakeFirstOrThrow();
    const seq = Number(row.seq);
    const present = await tx.db.selectFrom("reading_room").select("seq").where("seq", "=", seq).executeTakeFirst();
    if (present) throw new CablegramError("ALREADY_REVIEWED", `${id} is in the reading room already.`, { id });
    const review = {
      id: reviewId,
      cable_id: id,
      reviewer_id: user.id,
      reviewer: user.username,
      decided_at: at,
      outcome: decision.outcome,
      decision: JSON.stringify(decision),
      review_on: decision.outcome === "extend" ? decision.until : null,
    };
    await tx.db.insertInto("declass_reviews").values(review).execute();
    const entry = readingRoomEntryOf(cable, seq, reviewId, decision, { reviewer: user.username, date });
    if (entry) await tx.readingRoom.write(entry);
    // The schedule row follows: off the due list once in the reading room, due again on an extension's date.
    const until = decision.outcome === "extend" ? decision.until : null;
    await tx.db
      .updateTable("cable_declass")
      .set(until === null ? { due_on: null } : { extended_to: until, due_on: until })
      .where("seq", "=", seq)
      .execute();
    const chained: ChainedReview = {
      id: reviewId,
      cableId: id,
      reviewer: review.reviewer,
      decidedAt: at,
      outcome: review.outcome,
      decision: review.decision,
      reviewOn: review.review_on,
      entry: entry && {
        model: entry.model,
        telegram: entry.telegram,
        subject: entry.subject,
        exemptions: entry.exemptions,
      },
    };
    const linked = await appendReviewLink(tx.db, key, chained, at);
    await recordAudit(
      { store: tx, clock },
      {
        actor: { userId: user.id, username: user.username },
        action: "declass.review",
        target: id,
        detail: { review: reviewId, outcome: decision.outcome, exemptions: exemptionsOf(decision) },
      },
    );
    return linked;
  });
  recordHead(store, head);
  return {
    reviewId,
    cableId: id,
    outcome: decision.outcome,
    readingRoom: decision.outcome === "extend" ? null : `/reading-room/${encodeURIComponent(id)}`,
  };
}
