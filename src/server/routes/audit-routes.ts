// The audit log, for archivists and administrators.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AuditQuerySchema, queryAudit } from "../../services/audit/query-audit.ts";
import { AuditEntrySchema } from "../../api/audit-schemas.ts";
import { PROBLEMS } from "../../api/problem-schemas.ts";
import { signedIn } from "../plugins/authenticate.ts";
import type { RouteOptions } from "./route-options.ts";

/** GET /api/audit: entries newest first, filtered by user, time, action; archivists and admins only. */
export const auditRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  app.get(
    "/api/audit",
    {
      config: { role: "archivist" },
      schema: {
        operationId: "listAuditEntries",
        summary: "The audit log, newest first (archivists and admins)",
        tags: ["audit"],
        querystring: AuditQuerySchema,
        response: { 200: z.array(AuditEntrySchema), ...PROBLEMS },
      },
    },
    async (request) => queryAudit(deps.store, signedIn(request).user, request.query),
  );
};
