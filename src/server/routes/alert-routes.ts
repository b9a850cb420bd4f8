// Alerts to duty officers (list, acknowledge) and the duty roster.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  ackAlert,
  DutyOfficerInputSchema,
  listAlerts,
  listDutyOfficers,
  setDutyOfficer,
} from "../../services/alerts/index.ts";
import { recordAudit } from "../../services/audit/record-audit.ts";
import { signedIn } from "../plugins/authenticate.ts";
import { AlertSchema, DutyOfficerSchema } from "../../api/alert-schemas.ts";
import { PROBLEMS } from "../../api/problem-schemas.ts";
import type { RouteOptions } from "./route-options.ts";

const tags = ["alerts"];

/** GET /api/alerts, POST /api/alerts/:id/ack, GET /api/duty-officers, PUT /api/duty-officers/:post. */
export const alertRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  app.get(
    "/api/alerts",
    {
      schema: {
        operationId: "listAlerts",
        summary: "Alerts to duty officers on cables you may read, newest first",
        description:
          "NIACT IMMEDIATE and FLASH deliveries raise one; so does escalation. Open alerts repeat until acknowledged.",
        tags,
        querystring: z.object({
          post: z.string().min(1).max(120).optional(),
          cable: z.string().min(1).max(64).optional().describe("Only the alerts of this cable"),
          open: z
            .enum(["true", "false"])
            .transform((v) => v === "true")
            .optional(),
        }),
        response: { 200: z.object({ items: z.array(AlertSchema) }), ...PROBLEMS },
      },
    },
    async (request) => ({ items: await listAlerts(deps, signedIn(request).reader, request.query) }),
  );

  app.post(
    "/api/alerts/:id/ack",
    {
      schema: {
        operationId: "acknowledgeAlert",
        summary: "Acknowledge an alert: it is sent no more",
        tags,
        params: z.object({ id: z.string().min(1).max(64) }),
        response: { 200: AlertSchema, ...PROBLEMS },
      },
    },
    async (request) => {
      const alert = await ackAlert(deps, signedIn(request).user, request.params.id);
      await app.messaging.bus.publish({
        type: "alert.acknowledged",
        cableId: alert.cableId,
        post: alert.post,
        data: alert,
      });
      return alert;
    },
  );

  app.get(
    "/api/duty-officers",
    {
      schema: {
        operationId: "listDutyOfficers",
        summary: "The duty roster: who is alerted for each post (webhooks and e-mail addresses for admins only)",
        tags,
        response: { 200: z.object({ items: z.array(DutyOfficerSchema) }), ...PROBLEMS },
      },
    },
    async (request) => ({ items: await listDutyOfficers(deps.store.db, signedIn(request).user) }),
  );

  app.put(
    "/api/duty-officers/:post",
    {
      config: { role: "admin" },
      schema: {
        operationId: "setDutyOfficer",
        summary: "Put someone on duty for a post (admins): a user, a webhook URL and/or an e-mail address",
        tags,
        params: z.object({ post: z.string().min(1).max(120) }),
        body: DutyOfficerInputSchema,
        response: { 200: DutyOfficerSchema, ...PROBLEMS },
      },
    },
    async (request) => {
      const { user, actor } = signedIn(request);
      const officer = await setDutyOfficer(deps, user, request.params.post, request.body);
      await recordAudit(deps, { actor, action: "duty.set", target: officer.post });
      return officer;
    },
  );
};
