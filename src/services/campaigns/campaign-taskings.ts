// The campaign's taskings as its page shows them: per action post of a tasking cable tied to one of its questions,
// whether the post was tasked (the cable, the deadline), has reported (its reply) and whether its country has a
// position recorded on the question since the tasking. Only what the reader may read shows.
import { isoCountryName, isoOfTag } from "../../core/index.ts";
import { readableBy } from "../access/readable-by.ts";
import type { Reader } from "../access/reader.ts";
import type { Store } from "../../store/open-store.ts";
import type { Deps } from "../clock.ts";
import { campaignSummary, visibleEvents, type PositionEventView } from "./campaign.ts";

/** Where a post stands on its tasking, the furthest step reached. */
export type TaskingStatus = "tasked" | "reported" | "position recorded";

/** One action post's line: its task, its reply and the position recorded for its country since. */
export type TaskingView = {
  taskId: string;
  cableId: string;
  questionId: string;
  post: string;
  station: string | null;
  /** ISO alpha-2 of the post's country; null for a post without one (a mission to an organisation). */
  country: string | null;
  countryName: string | null;
  due: string;
  /** The reply that reported the task, when the reader may read it; a task marked done has none. */
  reportedBy: string | null;
  reportedAt: string | null;
  /** The latest event for the post's country on the question recorded on or after the tasking day. */
  position: { eventId: string; position: string; effectiveOn: string; recordedOn: string } | null;
  status: TaskingStatus;
};

/**
 * The taskings of `campaignId`, by cable then post. A tasking cable the reader may not read is absent; a reply he
 * may not read neither names itself nor counts as a report (a task marked done does); positions count only the
 * events he may read. CAMPAIGN_NOT_FOUND when there is none.
 * @example (await campaignTaskings(deps, reader, "kosovo-recognition"))[0] // { post: "AMEMBASSY PARIS", country: "FR", status: "tasked", ... }
 */
export async function campaignTaskings({ store }: Deps, reader: Reader, campaignId: string): Promise<TaskingView[]> {
  const campaign = await campaignSummary(store, campaignId);
  const rows = await store.db
    .selectFrom("tasks as t")
    .innerJoin("cables as c", "c.id", "t.cable_id")
    .leftJoin("posts as p", "p.name", "t.post")
    .select([
      "t.id",
      "t.cable_id",
      "t.question_id",
      "t.post",
      "t.station",
      "t.due",
      "t.created_at",
      "t.reported_at",
      "t.reported_by_cable",
      "t.done_at",
      "p.country",
    ])
    .where("t.campaign_id", "=", campaign.id)
    .where(readableBy(reader, "c"))
    .orderBy("t.cable_id")
    .orderBy("t.post")
    .orderBy("t.due")
    .execute();
  const replyIds = rows.map((r) => r.reported_by_cable).filter((id): id is string => id !== null);
  const replies = await readableIds(store, reader, replyIds);
  const events = new Map<string, PositionEventView[]>();
  for (const questionId of new Set(rows.map((r) => r.question_id!))) {
    events.set(questionId, await visibleEvents(store, reader, campaign.id, questionId));
  }
  return rows.map((r) => {
    const since = r.created_at.slice(0, 10);
    const country = r.country ? (isoOfTag(r.country, since) ?? null) : null;
    const latest = (events.get(r.question_id!) ?? [])
      .filter((e) => e.country === country && e.recordedOn >= since)
      .sort((a, b) => a.recordedOn.localeCompare(b.recordedOn))
      .at(-1);
    const reportedBy = r.reported_by_cable !== null && replies.has(r.reported_by_cable) ? r.reported_by_cable : null;
    const reportedAt = reportedBy !== null ? r.reported_at : r.done_at;
    return {
      taskId: r.id,
      cableId: r.cable_id,
      questionId: r.question_id!,
      post: r.post,
      station: r.station,
      country,
      countryName: country ? (isoCountryName(country) ?? country) : null,
      due: r.due,
      reportedBy,
      reportedAt,
      position: latest
        ? {
            eventId: latest.id,
            position: latest.position,
            effectiveOn: latest.effectiveOn,
            recordedOn: latest.recordedOn,
          }
        : null,
      status: latest ? "position recorded" : reportedAt !== null ? "reported" : "tasked",
    };
  });
}

/** Which of `ids` the reader may read. */
async function readableIds(store: Store, reader: Reader, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await store.db
    .selectFrom("cables as c")
    .select("c.id")
    .where("c.id", "in", [...new Set(ids)])
    .where(readableBy(reader, "c"))
    .execute();
  return new Set(rows.map((r) => r.id));
}
