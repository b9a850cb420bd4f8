// The action dashboard of a cable and marking a task done.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actionDashboard, markTaskDone } from "../../services/actions/index.ts";
import { CablegramError } from "../../services/errors.ts";
import { signedIn } from "../plugins/authenticate.ts";
import { DashboardSchema } from "../../api/action-schemas.ts";
import { PROBLEMS } from "../../api/problem-schemas.ts";
import type { RouteOptions } from "./route-options.ts";

const tags = ["actions"];
/** GET /api/cables/:id/actions and POST /api/tasks/:id/done. */
export const actionRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  app.get(
    "/api/cables/:id/actions",
    {
      schema: {
        operationId: "getActionDashboard",
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
        operationId: "markTaskDone",
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
