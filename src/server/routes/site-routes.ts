// Message tracking between sites: the communicator's traffic (held, late, refused, lately arrived) with re-send
// and cancel, both audited, told to the communicators' open pages, and for communicators only; a cable's copies with
// their times for anyone who may read the cable.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { CopyCommandSchema, SiteTrafficSchema, TrackedCopySchema } from "../../api/site-schemas.ts";
import { PROBLEMS } from "../../api/problem-schemas.ts";
import { SITE_TRAFFIC_ROLE } from "../../core/sites.ts";
import { requireReadableCable } from "../../services/archive/read-cable.ts";
import { loadSitePlan } from "../../services/sites/site-plan-store.ts";
import { cancelCopy, resendCopy, siteTraffic, trackCable } from "../../services/sites/site-traffic.ts";
import { tellSiteTraffic } from "../../services/sites/traffic-events.ts";
import { hasRole } from "../../services/users/user-schema.ts";
import { signedIn } from "../plugins/authenticate.ts";
import type { RouteOptions } from "./route-options.ts";

const tags = ["sites"];
const communicator = { role: SITE_TRAFFIC_ROLE };
const MINUTE = 60_000;

/** GET /api/sites/traffic, GET /api/cables/:id/tracking, POST /api/sites/copies/:id/resend and /cancel. */
export const siteRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const objectives = () => app.messaging.objectives;

  app.get(
    "/api/sites/traffic",
    {
      config: communicator,
      schema: {
        operationId: "getSiteTraffic",
        summary: "Copies to other sites held, late against their handling objective, refused by the link, or arrived",
        tags,
        response: { 200: SiteTrafficSchema, ...PROBLEMS },
      },
    },
    async () => {
      const plan = await loadSitePlan(deps.store.db);
      return {
        ...(await siteTraffic(deps.store, deps.clock.now(), objectives())),
        here: plan?.here ?? null,
        sites: plan?.sites.map((s) => s.name).filter((name) => name !== plan.here) ?? [],
        connected: app.messaging.sites?.connected() ?? null,
        objectiveMinutes: Object.fromEntries(Object.entries(objectives()).map(([p, ms]) => [p, ms / MINUTE])),
      };
    },
  );

  app.get(
    "/api/cables/:id/tracking",
    {
      schema: {
        operationId: "trackCable",
        summary: "Where each copy of a cable to another site is, with times",
        description: "For anyone who may read the cable, and for communicators; CABLE_NOT_FOUND otherwise.",
        tags,
        params: z.object({ id: z.string().min(1).max(64) }),
        response: { 200: z.object({ items: z.array(TrackedCopySchema) }), ...PROBLEMS },
      },
    },
    async (request) => {
      const { user, reader } = signedIn(request);
      const id = request.params.id.trim().toUpperCase();
      // The tracking says where a cable went: as much as its header, which only its readers (and communicators) see.
      if (!hasRole(user, SITE_TRAFFIC_ROLE)) await requireReadableCable(deps.store, reader, id);
      return { items: await trackCable(deps.store, id, deps.clock.now(), objectives()) };
    },
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
              ? "Send a copy not yet stored at its site again (the destination stores it once whatever); audited"
              : "Cancel a copy that has not left this node; audited",
          description:
            "Communicators and administrators only (FORBIDDEN otherwise). SITE_COPY_SETTLED when the copy has gone " +
            "too far: stored at its destination (re-send), or in transit already (cancel).",
          tags,
          params: z.object({ id: z.string().min(1).max(64) }),
          response: { 200: CopyCommandSchema, ...PROBLEMS },
        },
      },
      async (request) => {
        const { actor } = signedIn(request);
        const { id } = request.params;
        const copy = verb === "resend" ? await resendCopy(deps, actor, id) : await cancelCopy(deps, actor, id);
        const here = (await loadSitePlan(deps.store.db))?.here ?? "";
        const move = verb === "resend" ? "resent" : "cancelled";
        await tellSiteTraffic(app.messaging.bus, here, [{ site: copy.site, move, copies: 1 }]);
        app.messaging.sites?.kick();
        return { id, state: copy.state, copy };
      },
    );
  }
};
