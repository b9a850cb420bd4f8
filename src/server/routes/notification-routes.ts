// The signed-in user's own lists: notifications (read, mark read), the drafts they are writing and the cables they
// sent. Each user reaches only their own, and sees nothing they may not read now.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { listNotifications, markNotificationsRead } from "../../services/notifications/index.ts";
import { myDrafts, sentCables } from "../../services/workflow/index.ts";
import { signedIn } from "../plugins/authenticate.ts";
import { PROBLEMS } from "../../api/problem-schemas.ts";
import {
  MarkReadBodySchema,
  MyDraftSchema,
  NotificationListSchema,
  SentCableSchema,
} from "../../api/notification-schemas.ts";
import type { RouteOptions } from "./route-options.ts";

/** GET /api/notifications, POST /api/notifications/read, GET /api/mine/drafts and GET /api/mine/sent. */
export const notificationRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  app.get(
    "/api/notifications",
    {
      schema: {
        operationId: "listNotifications",
        summary: "Your notifications, newest first, and how many are unread",
        description:
          "Clearances asked of you, decisions on your drafts (an objection with its comment), your drafts released, " +
          "NIACT alerts on your cables that reached nobody, and your watching saved searches' matches. Only what you " +
          "may see now is listed or counted. Each new one also comes live as a `notification` event on /api/events, " +
          "and by e-mail where you have an address and the server has SMTP.",
        tags: ["notifications"],
        response: { 200: NotificationListSchema, ...PROBLEMS },
      },
    },
    async (request) => listNotifications(deps.store, { user: signedIn(request).user }),
  );
  app.post(
    "/api/notifications/read",
    {
      schema: {
        operationId: "markNotificationsRead",
        summary: "Mark your notifications read: those named by `ids`, or all",
        tags: ["notifications"],
        body: MarkReadBodySchema,
        response: { 200: z.object({ marked: z.number().int() }), ...PROBLEMS },
      },
    },
    async (request) => ({
      marked: await markNotificationsRead(deps, { userId: signedIn(request).user.id, ids: request.body.ids }),
    }),
  );
  app.get(
    "/api/mine/drafts",
    {
      schema: {
        operationId: "listMyDrafts",
        summary:
          "Your drafts not yet released: saved or submitted, clearances given, pending and objected, last change",
        tags: ["drafts"],
        response: { 200: z.array(MyDraftSchema), ...PROBLEMS },
      },
    },
    async (request) => myDrafts(deps.store, signedIn(request).user),
  );
  app.get(
    "/api/mine/sent",
    {
      schema: {
        operationId: "listSentCables",
        summary: "The cables your drafts went out as, newest first, with precedence, addressees and date",
        tags: ["drafts"],
        response: { 200: z.array(SentCableSchema), ...PROBLEMS },
      },
    },
    async (request) => sentCables(deps.store, signedIn(request).user),
  );
};
