// Inboxes and what people do with a delivery: read, acknowledge, slug to offices.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { PRECEDENCES } from "../../core/index.ts";
import { ackDelivery, INBOX_SORTS, listInbox, markRead, slugDelivery } from "../../services/distribution/index.ts";
import { signedIn } from "../plugins/authenticate.ts";
import { DeliverySchema } from "../../api/delivery-schemas.ts";
import { PROBLEMS } from "../../api/problem-schemas.ts";
import type { RouteOptions } from "./route-options.ts";

const tags = ["inbox"];

const Flag = z.enum(["true", "false"]).transform((v) => v === "true");
const IdParams = z.object({ id: z.string().min(1).max(64) });

/** Inbox routes: GET /api/inbox and POST /api/deliveries/:id/{ack,read,slug}. */
export const inboxRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  app.get(
    "/api/inbox",
    {
      schema: {
        operationId: "listInbox",
        summary: "A post's or an office's inbox: delivered cables you may read, newest or most urgent first",
        description:
          "Without `post` or `office`, your home post's inbox. Items still in the outbox are not shown. " +
          "`precedence` takes FLASH, NIACT IMMEDIATE, IMMEDIATE, PRIORITY or ROUTINE. `sort=precedence` lists " +
          "the most urgent first (FLASH to ROUTINE), newest first within each; the default is newest first.",
        tags,
        querystring: z.object({
          post: z.string().min(1).max(120).optional(),
          office: z.string().min(1).max(42).optional(),
          precedence: z.enum(PRECEDENCES).optional(),
          role: z.enum(["action", "info"]).optional(),
          unread: Flag.optional(),
          unacknowledged: Flag.optional(),
          sort: z.enum(INBOX_SORTS).default("newest"),
          limit: z.coerce.number().int().min(1).max(1000).default(200),
        }),
        response: { 200: z.object({ items: z.array(DeliverySchema) }), ...PROBLEMS },
      },
    },
    async (request) => ({ items: await listInbox(deps, signedIn(request).reader, request.query) }),
  );

  const acts = [
    [
      "ack",
      ackDelivery,
      "acknowledgeDelivery",
      "Acknowledge a delivery: stops its escalation and its duty-officer alerts",
    ],
    ["read", markRead, "markDeliveryRead", "Mark a delivery read"],
  ] as const;
  for (const [verb, act, operationId, summary] of acts) {
    app.post(
      `/api/deliveries/:id/${verb}`,
      { schema: { operationId, summary, tags, params: IdParams, response: { 200: DeliverySchema, ...PROBLEMS } } },
      async (request) => act(deps, signedIn(request).user, request.params.id, app.messaging.bus),
    );
  }

  app.post(
    "/api/deliveries/:id/slug",
    {
      config: { role: "communicator" },
      schema: {
        operationId: "slugDelivery",
        summary: "Slug a received cable to offices of the post (communicators)",
        tags,
        params: IdParams,
        body: z.object({ offices: z.array(z.string().trim().min(1).max(42)).min(1).max(50) }),
        response: { 200: z.object({ items: z.array(DeliverySchema) }), ...PROBLEMS },
      },
    },
    async (request) => ({
      items: await slugDelivery(
        deps,
        signedIn(request).user,
        request.params.id,
        request.body.offices,
        app.messaging.bus,
      ),
    }),
  );
};
