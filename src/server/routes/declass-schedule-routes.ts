// The declassification schedule: the due list and release proposals, for the roles that may see the schedule
// (the services check them), over the cables the user may read.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { DueListSchema, ReleaseProposalsSchema } from "../../api/declass-schedule-schemas.ts";
import { PROBLEMS } from "../../api/problem-schemas.ts";
import { recordAuditGrouped } from "../../services/audit/record-audit.ts";
import { dueList, DueQuerySchema, proposeReleases } from "../../services/declass/index.ts";
import { signedIn } from "../plugins/authenticate.ts";
import type { RouteOptions } from "./route-options.ts";

const tags = ["declassification"];

/** GET /api/declass/due and GET /api/declass/proposals; both audited. */
export const declassScheduleRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  app.get(
    "/api/declass/due",
    {
      schema: {
        operationId: "listDeclassificationDue",
        summary: "Cables due for declassification review, by origin and classification (archivists and admins)",
        description:
          "Review dates before `before` (by default, due by today), of the cables you may read: counts overall, " +
          "by origin and by classification (overdue apart), and one page of cables, oldest review date first.",
        tags,
        querystring: DueQuerySchema,
        response: { 200: DueListSchema, ...PROBLEMS },
      },
    },
    async (request) => {
      const { user, reader, actor } = signedIn(request);
      const list = await dueList(deps, user, reader, request.query);
      await recordAuditGrouped(deps, {
        actor,
        action: "declass.due",
        target: list.before,
        resultCount: list.due,
        detail: { overdue: list.overdue, returned: list.cables.length },
      });
      return list;
    },
  );
  app.get(
    "/api/declass/proposals",
    {
      schema: {
        operationId: "proposeDeclassificationReleases",
        summary: "Proposed releases in full of due cables whose portions are all unclassified (never applied)",
        tags,
        querystring: DueQuerySchema.pick({ before: true }),
        response: { 200: ReleaseProposalsSchema, ...PROBLEMS },
      },
    },
    async (request) => {
      const { user, reader, actor } = signedIn(request);
      const run = await proposeReleases(deps, user, reader, request.query);
      await recordAuditGrouped(deps, {
        actor,
        action: "declass.propose",
        target: run.before,
        resultCount: run.proposals.length,
        detail: { examined: run.examined },
      });
      return run;
    },
  );
};
