// The action dashboard of a cable: per action addressee, whether it is pending, acknowledged, reported or overdue.
import { readableBy, type Reader } from "../access/index.ts";
import type { Deps } from "../clock.ts";

export type TaskStatus = "pending" | "acknowledged" | "reported" | "overdue";
export const TASK_STATUSES: readonly TaskStatus[] = ["pending", "acknowledged", "reported", "overdue"];

/** One task as the dashboard shows it. */
export type TaskView = {
  id: string;
  post: string;
  station: string | null;
  what: string;
  due: string;
  status: TaskStatus;
  /** The post acknowledged its copy of the tasking cable. */
  acknowledged: boolean;
  reportedAt: string | null;
  /** The cable from the post that reported it; null when marked done with a note, or not reported. */
  reportedBy: string | null;
  doneAt: string | null;
  doneBy: string | null;
  note: string | null;
};

/** A post's line on the dashboard: its tasks and the status that sums them up. */
export type PostActions = { post: string; station: string | null; status: TaskStatus; tasks: TaskView[] };

export type ActionDashboard = { cableId: string; posts: PostActions[]; summary: Record<TaskStatus, number> };

/**
 * A task's status at `now`: reported (by a cable or marked done) wins; then overdue past its deadline; then
 * acknowledged once the post acknowledged its copy; else pending.
 * @example taskStatus({ reported: false, acknowledged: true, due: "2008-02-17T12:00:00Z" }, new Date("2008-02-18")) // "overdue"
 */
export function taskStatus(t: { reported: boolean; acknowledged: boolean; due: string }, now: Date): TaskStatus {
  if (t.reported) return "reported";
  if (new Date(t.due).getTime() < now.getTime()) return "overdue";
  return t.acknowledged ? "acknowledged" : "pending";
}

/** A post sums up as its least advanced task: overdue before pending before acknowledged before reported. */
const WORST: TaskStatus[] = ["overdue", "pending", "acknowledged", "reported"];

/**
 * The dashboard of a cable's tasks, or null when the reader may not read the cable (or it has no such id).
 * `summary` counts posts by their status.
 * @example (await actionDashboard(deps, reader, "08STATE16245"))?.summary // { pending: 2, acknowledged: 0, reported: 3, overdue: 0 }
 */
export async function actionDashboard(deps: Deps, reader: Reader, cableId: string): Promise<ActionDashboard | null> {
  const id = cableId.trim().toUpperCase();
  const cable = await deps.store.db
    .selectFrom("cables as c")
    .select("c.id")
    .where("c.id", "=", id)
    .where(readableBy(reader, "c"))
    .executeTakeFirst();
  if (!cable) return null;
  const rows = await deps.store.db
    .selectFrom("tasks as t")
    .leftJoin("deliveries as d", (join) =>
      join.onRef("d.cable_id", "=", "t.cable_id").onRef("d.post", "=", "t.post").on("d.office", "=", ""),
    )
    .selectAll("t")
    .select("d.acked_at")
    .where("t.cable_id", "=", id)
    .orderBy("t.post")
    .orderBy("t.due")
    .execute();
  const now = deps.clock.now();
  const posts = new Map<string, PostActions>();
  for (const r of rows) {
    const acknowledged = r.acked_at !== null && r.acked_at !== undefined;
    const reported = r.reported_at !== null || r.done_at !== null;
    const task: TaskView = {
      id: r.id,
      post: r.post,
      station: r.station,
      what: r.what,
      due: r.due,
      status: taskStatus({ reported, acknowledged, due: r.due }, now),
      acknowledged,
      reportedAt: r.reported_at ?? r.done_at,
      reportedBy: r.reported_by_cable,
      doneAt: r.done_at,
      doneBy: r.done_by,
      note: r.note,
    };
    const line = posts.get(r.post) ?? { post: r.post, station: r.station, status: "reported", tasks: [] };
    line.tasks.push(task);
    if (WORST.indexOf(task.status) < WORST.indexOf(line.status)) line.status = task.status;
    posts.set(r.post, line);
  }
  const summary: Record<TaskStatus, number> = { pending: 0, acknowledged: 0, reported: 0, overdue: 0 };
  for (const p of posts.values()) summary[p.status]++;
  return { cableId: id, posts: [...posts.values()], summary };
}
