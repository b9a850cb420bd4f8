// Alerts to duty officers (list, acknowledge) and the duty roster.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  ackAlert,
  ALERT_OUTCOMES,
  DutyOfficerInputSchema,
  listAlerts,
  listDutyOfficers,
  setDutyOfficer,
} from "../../services/alerts/index.ts";
import { recordAudit } from "../../services/audit/record-audit.ts";
import { signedIn } from "../plugins/authenticate.ts";
import { PROBLEMS } from "../schemas.ts";
import type { RouteOptions } from "./route-options.ts";

const tags = ["alerts"];

export const AlertSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["niact", "escalation"]),
    cableId: z.string(),
    deliveryId: z.string(),
    post: z.string(),
    precedence: z.string(),
    officerId: z.string().nullable(),
    createdAt: z.string(),
    attempts: z.number().int(),
    lastSentAt: z.string().nullable(),
    nextAt: z.string().nullable(),
    lastError: z.string().nullable(),
    outcome: z.enum(ALERT_OUTCOMES).meta({
      description:
        "What the last due sending did. `pending`: not yet due. `sent`: sent to the post's duty officer (`attempts` " +
        "counts the sendings). `no_duty_officer`: the post has nobody on the duty roster, so nobody was alerted; " +
        "the alert stays open and goes to whoever is put on duty, at its next repeat.",
    }),
    acknowledged: z.boolean(),
    acknowledgedAt: z.string().nullable(),
    acknowledgedBy: z.string().nullable(),
  })
  .meta({ id: "Alert" });

export const DutyOfficerSchema = z
  .object({
    post: z.string(),
    userId: z.string().nullable(),
    webhook: z.string().nullable(),
    email: z.string().nullable(),
  })
  .meta({ id: "DutyOfficer" });

/** GET /api/alerts, POST /api/alerts/:id/ack, GET /api/duty-officers, PUT /api/duty-officers/:post. */
export const alertRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  app.get(
    "/api/alerts",
    {
      schema: {
        summary: "Alerts to duty officers on cables you may read, newest first",
        description:
          "NIACT IMMEDIATE and FLASH deliveries raise one; so does escalation. Open alerts repeat until acknowledged.",
        tags,
        querystring: z.object({
          post: z.string().min(1).max(120).optional(),
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
