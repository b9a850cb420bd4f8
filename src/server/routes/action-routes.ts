// The action dashboard of a cable and marking a task done.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actionDashboard, markTaskDone, TASK_STATUSES } from "../../services/actions/index.ts";
import { CablegramError } from "../../services/errors.ts";
import { signedIn } from "../plugins/authenticate.ts";
import { PROBLEMS } from "../schemas.ts";
import type { RouteOptions } from "./route-options.ts";

const tags = ["actions"];
const Status = z.enum(TASK_STATUSES as [string, ...string[]]);

export const TaskSchema = z
  .object({
    id: z.string(),
    post: z.string(),
    station: z.string().nullable(),
    what: z.string(),
    due: z.string(),
    status: Status,
    acknowledged: z.boolean(),
    reportedAt: z.string().nullable(),
    reportedBy: z.string().nullable(),
    doneAt: z.string().nullable(),
    doneBy: z.string().nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: "Task" });

export const DashboardSchema = z
  .object({
    cableId: z.string(),
    posts: z.array(
      z.object({ post: z.string(), station: z.string().nullable(), status: Status, tasks: z.array(TaskSchema) }),
    ),
    summary: z.object({ pending: z.number(), acknowledged: z.number(), reported: z.number(), overdue: z.number() }),
  })
  .meta({ id: "ActionDashboard" });

/** GET /api/cables/:id/actions and POST /api/tasks/:id/done. */
export const actionRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  app.get(
    "/api/cables/:id/actions",
    {
      schema: {
        summary: "A cable's action requests per post: pending, acknowledged, reported or overdue",
        description: "`summary` counts posts by status; a post's status is that of its least advanced task.",
        tags,
        params: z.object({ id: z.string().min(1).max(64) }),
        response: { 200: DashboardSchema, ...PROBLEMS },
      },
    },
    async (request) => {
      const dashboard = await actionDashboard(deps, signedIn(request).reader, request.params.id);
      if (!dashboard) {
        throw new CablegramError("CABLE_NOT_FOUND", undefined, { id: request.params.id });
      }
      return dashboard;
    },
  );

  app.post(
    "/api/tasks/:id/done",
    {
      schema: {
        summary: "Mark your post's task done with a note (when the answer came other than by cable)",
        tags,
        params: z.object({ id: z.string().min(1).max(64) }),
        body: z.object({ note: z.string().trim().min(1).max(2000) }),
        response: { 204: z.null(), ...PROBLEMS },
      },
    },
    async (request, reply) => {
      await markTaskDone(deps, signedIn(request).user, request.params.id, request.body.note);
      return reply.code(204).send(null);
    },
  );
};
