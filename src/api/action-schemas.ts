// Action requests as the API shows them: each action post's tasks and the dashboard of a cable.
import { z } from "zod";
import { TASK_STATUSES } from "../services/actions/action-dashboard.ts";

const TaskStatusSchema = z.enum(TASK_STATUSES as [string, ...string[]]);

/** One task of an action post. */
export const TaskSchema = z
  .object({
    id: z.string(),
    post: z.string(),
    station: z.string().nullable(),
    what: z.string(),
    due: z.string(),
    status: TaskStatusSchema,
    acknowledged: z.boolean(),
    reportedAt: z.string().nullable(),
    reportedBy: z.string().nullable(),
    doneAt: z.string().nullable(),
    doneBy: z.string().nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: "Task" });

/** A cable's action requests per post, with the count of posts by status. */
export const DashboardSchema = z
  .object({
    cableId: z.string(),
    posts: z.array(
      z.object({
        post: z.string(),
        station: z.string().nullable(),
        status: TaskStatusSchema,
        tasks: z.array(TaskSchema),
      }),
    ),
    summary: z.object({ pending: z.number(), acknowledged: z.number(), reported: z.number(), overdue: z.number() }),
  })
  .meta({ id: "ActionDashboard" });
