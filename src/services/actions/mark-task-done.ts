// A post marks its task done with a note, when its answer came some other way than a cable.
import { readableBy } from "../access/index.ts";
import { SYSTEM_READER } from "../access/reader.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Deps } from "../clock.ts";
import { CablegramError } from "../errors.ts";
import { readerOf } from "../users/reader-of.ts";
import { hasRole, type User } from "../users/user-schema.ts";

/**
 * Marks a task done with a note, by a user of the tasked post (or a communicator or administrator). A task
 * already done or reported keeps its first outcome. TASK_NOT_FOUND when the user may not see it. Audited.
 * @example await markTaskDone(deps, user, taskId, "Delivered orally to the MFA political director")
 */
export async function markTaskDone(deps: Deps, user: User | null, taskId: string, note: string): Promise<void> {
  const reader = user ? readerOf(user) : SYSTEM_READER;
  const task = await deps.store.db
    .selectFrom("tasks as t")
    .innerJoin("cables as c", "c.id", "t.cable_id")
    .selectAll("t")
    .where("t.id", "=", taskId)
    .where(readableBy(reader, "c"))
    .executeTakeFirst();
  const mine =
    task !== undefined &&
    (user === null || hasRole(user, "communicator") || (user.post !== null && user.post === task.station));
  if (!task || !mine) throw new CablegramError("TASK_NOT_FOUND", `No task ${JSON.stringify(taskId)} of your post.`);
  await deps.store.db
    .updateTable("tasks")
    .set({ done_at: deps.clock.now().toISOString(), done_by: user?.username ?? "system", note: note.trim() })
    .where("id", "=", taskId)
    .where("done_at", "is", null)
    .where("reported_at", "is", null)
    .execute();
  await recordAudit(deps, {
    actor: { userId: user?.id ?? null, username: user?.username ?? null },
    action: "task.done",
    target: task.cable_id,
    detail: { task: taskId, post: task.post },
  });
}
