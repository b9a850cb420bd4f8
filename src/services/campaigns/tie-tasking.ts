// Ties a tasking cable's action requests to a campaign question: every task of the cable then asks its post's
// country for a position on the question, and the campaign's taskings follow it. Audited.
import { readableBy } from "../access/readable-by.ts";
import type { Reader } from "../access/reader.ts";
import { archiveId } from "../archive/normalise-id.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Deps } from "../clock.ts";
import { CablegramError } from "../errors.ts";
import { campaignSummary, questionOf } from "./campaign.ts";
import { campaignTaskings, type TaskingView } from "./campaign-taskings.ts";
import { assertMayRecord, recorderOf, type Recorder } from "./may-record.ts";

export type TieTaskingProps = {
  by: Recorder;
  reader: Reader;
  campaignId: string;
  /** The tasking cable: its every task is tied. */
  cableId: string;
  /** The campaign question; its first when absent. */
  questionId?: string;
};

/**
 * Ties every task of `cableId` to the campaign question (tied again, a task moves to the new question) and answers
 * the campaign's taskings of that cable. FORBIDDEN for a reader without the drafter, approver or admin role;
 * CAMPAIGN_NOT_FOUND, QUESTION_NOT_FOUND; CABLE_NOT_FOUND for a cable the reader may not read; INVALID_INPUT for a
 * cable without action requests.
 * @example await tieTasking(deps, { by: user, reader, campaignId: "kosovo-recognition", cableId: "08STATE16245" }) // five lines, "tasked"
 */
export async function tieTasking(deps: Deps, props: TieTaskingProps): Promise<TaskingView[]> {
  const { store, clock } = deps;
  assertMayRecord(props.by, "tying a tasking to a campaign question");
  const campaign = await campaignSummary(store, props.campaignId);
  const question = questionOf(campaign, props.questionId);
  const cableId = archiveId(props.cableId);
  const cable = await store.db
    .selectFrom("cables as c")
    .select("c.id")
    .where("c.id", "=", cableId)
    .where(readableBy(props.reader, "c"))
    .executeTakeFirst();
  if (!cable) {
    throw new CablegramError("CABLE_NOT_FOUND", `No cable ${cableId} that you may read.`, { cable: cableId });
  }
  const { actor } = recorderOf(props.by);
  const tied = await store.transaction(async (tx) => {
    const result = await tx.db
      .updateTable("tasks")
      .set({ campaign_id: campaign.id, question_id: question.id })
      .where("cable_id", "=", cableId)
      .executeTakeFirst();
    const count = Number(result.numUpdatedRows);
    if (count > 0) {
      await recordAudit(
        { store: tx, clock },
        { actor, action: "campaign.tasking", target: campaign.id, detail: { cable: cableId, question: question.id } },
      );
    }
    return count;
  });
  if (tied === 0) {
    throw new CablegramError(
      "INVALID_INPUT",
      `Cable ${cableId} has no action requests to tie; tie a cable released with action requests.`,
      { issues: [{ path: "cableId", message: "the cable has no tasks" }] },
    );
  }
  const taskings = await campaignTaskings(deps, props.reader, campaign.id);
  return taskings.filter((t) => t.cableId === cableId);
}
