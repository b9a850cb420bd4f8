// Message tracking between sites for communicators: the traffic held, late or refused, a cable's copies with
// their times, and re-send and cancel.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { SiteTrafficSchema, TrackedCopySchema } from "../../api/site-schemas.ts";
import { PROBLEMS } from "../../api/problem-schemas.ts";
import { cancelCopy, resendCopy, siteTraffic, trackCable } from "../../services/sites/site-traffic.ts";
import { signedIn } from "../plugins/authenticate.ts";
import type { RouteOptions } from "./route-options.ts";

const tags = ["sites"];
const communicator = { role: "communicator" as const };

/** GET /api/sites/traffic, GET /api/cables/:id/tracking, POST /api/sites/copies/:id/resend and /cancel. */
export const siteRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  app.get(
    "/api/sites/traffic",
    {
      config: communicator,
      schema: {
        operationId: "getSiteTraffic",
        summary: "Copies to other sites held, late against their handling objective, or refused by the link",
        tags,
        response: { 200: SiteTrafficSchema, ...PROBLEMS },
      },
    },
    async () => siteTraffic(deps.store, deps.clock.now()),
  );

  app.get(
    "/api/cables/:id/tracking",
    {
      config: communicator,
      schema: {
        operationId: "trackCable",
        summary: "Where each copy of a cable to another site is, with times",
        tags,
        params: z.object({ id: z.string().min(1).max(64) }),
        response: { 200: z.object({ items: z.array(TrackedCopySchema) }), ...PROBLEMS },
      },
    },
    async (request) => ({ items: await trackCable(deps.store, request.params.id.toUpperCase(), deps.clock.now()) }),
  );

  for (const verb of ["resend", "cancel"] as const) {
    app.post(
      `/api/sites/copies/:id/${verb}`,
      {
        config: communicator,
        schema: {
          operationId: verb === "resend" ? "resendSiteCopy" : "cancelSiteCopy",
          summary:
            verb === "resend"
              ? "Send a copy to its site again (the destination stores it once whatever)"
              : "Cancel a copy that has not left this node",
          tags,
          params: z.object({ id: z.string().min(1).max(64) }),
          response: { 200: z.object({ id: z.string(), state: z.string() }), ...PROBLEMS },
        },
      },
      async (request) => {
        const { id } = request.params;
        if (verb === "resend") await resendCopy(deps.store, id);
        else await cancelCopy(deps.store, id, signedIn(request).user.id, deps.clock.now());
        app.messaging.sites?.kick();
        return { id, state: verb === "resend" ? "queued" : "cancelled" };
      },
    );
  }
};
