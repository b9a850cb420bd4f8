// Campaigns, their tallies and changes, recording positions, and the blocs a tally counts over.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  BlocMembersSchema,
  BlocSchema,
  CampaignSchema,
  CampaignSummarySchema,
  ChangesQuerySchema,
  ChangesSchema,
  NewPositionSchema,
  NewTaskingSchema,
  PositionEventViewSchema,
  TallyQuerySchema,
  TallySchema,
  TaskingSchema,
} from "../../api/campaign-schemas.ts";
import { PROBLEMS } from "../../api/problem-schemas.ts";
import { ISO_DATE_PATTERN } from "../../core/index.ts";
import {
  blocMembersOn,
  campaignById,
  campaignChanges,
  campaignTaskings,
  listBlocs,
  listCampaigns,
  recordPosition,
  tallyCampaign,
  tieTasking,
} from "../../services/campaigns/index.ts";
import { signedIn } from "../plugins/authenticate.ts";
import type { RouteOptions } from "./route-options.ts";

const tags = ["campaigns"];
const campaignParams = z.object({ id: z.string().min(1).max(64) });

/** Routes under /api/campaigns and /api/blocs. */
export const campaignRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  app.get(
    "/api/campaigns",
    {
      schema: {
        operationId: "listCampaigns",
        summary: "Every campaign with its questions",
        tags,
        response: { 200: z.array(CampaignSummarySchema), ...PROBLEMS },
      },
    },
    async () => listCampaigns(deps.store),
  );
  app.get(
    "/api/campaigns/:id",
    {
      schema: {
        operationId: "getCampaign",
        summary: "A campaign with the position events you may read",
        description: "Events above your clearance or needing caveats or captions you lack are absent, not masked.",
        tags,
        params: campaignParams,
        response: { 200: CampaignSchema, ...PROBLEMS },
      },
    },
    async (request) => campaignById(deps.store, signedIn(request).reader, request.params.id),
  );
  app.get(
    "/api/campaigns/:id/tally",
    {
      schema: {
        operationId: "getCampaignTally",
        summary: "How many members of a bloc (or the world) hold each position on a day",
        description:
          "Counts each member by its latest event effective on or before `asOf` (today by default); with `knownOn`, " +
          "only events recorded by then. Only the events you may read count. `bloc` is a code of GET /api/blocs or WORLD.",
        tags,
        params: campaignParams,
        querystring: TallyQuerySchema,
        response: { 200: TallySchema, ...PROBLEMS },
      },
    },
    async (request) =>
      tallyCampaign(deps, signedIn(request).reader, { campaignId: request.params.id, ...request.query }),
  );
  app.get(
    "/api/campaigns/:id/changes",
    {
      schema: {
        operationId: "getCampaignChanges",
        summary: "The members whose position changed between two days",
        tags,
        params: campaignParams,
        querystring: ChangesQuerySchema,
        response: { 200: ChangesSchema, ...PROBLEMS },
      },
    },
    async (request) =>
      campaignChanges(deps, signedIn(request).reader, { campaignId: request.params.id, ...request.query }),
  );
  app.post(
    "/api/campaigns/:id/positions",
    {
      schema: {
        operationId: "recordPosition",
        summary: "Record a country's position on a campaign question",
        description:
          "Needs the drafter, approver or admin role. The country is an ISO code, a TAGS code (`tag:KV`) or a name; " +
          "source cables must be readable by you; classification and caveats default to the sources' and may not be below them.",
        tags,
        params: campaignParams,
        body: NewPositionSchema,
        response: { 201: PositionEventViewSchema, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const { user, reader } = signedIn(request);
      const event = await recordPosition(deps, {
        by: user,
        reader,
        campaignId: request.params.id,
        position: request.body,
      });
      return reply.code(201).send(event);
    },
  );
  app.get(
    "/api/campaigns/:id/taskings",
    {
      schema: {
        operationId: "listCampaignTaskings",
        summary: "Per action post of the tasking cables tied to the campaign: tasked, reported, position recorded",
        description:
          "Only tasking cables you may read; a reply you may not read is neither named nor counted as a report; a " +
          "position counts when an event you may read for the post's country was recorded on or after the tasking day.",
        tags,
        params: campaignParams,
        response: { 200: z.array(TaskingSchema), ...PROBLEMS },
      },
    },
    async (request) => campaignTaskings(deps, signedIn(request).reader, request.params.id),
  );
  app.post(
    "/api/campaigns/:id/taskings",
    {
      schema: {
        operationId: "tieTasking",
        summary: "Tie a tasking cable's action requests to a campaign question",
        description:
          "Needs the drafter, approver or admin role and a cable you may read that has action requests. Every task of " +
          "the cable is tied to the question (the campaign's first when absent); answers that cable's taskings.",
        tags,
        params: campaignParams,
        body: NewTaskingSchema,
        response: { 200: z.array(TaskingSchema), ...PROBLEMS },
      },
    },
    async (request) => {
      const { user, reader } = signedIn(request);
      return tieTasking(deps, { by: user, reader, campaignId: request.params.id, ...request.body });
    },
  );
  app.get(
    "/api/blocs",
    {
      schema: {
        operationId: "listBlocs",
        summary: "The blocs a tally can count over, with their number of members today",
        tags,
        response: { 200: z.array(BlocSchema), ...PROBLEMS },
      },
    },
    async () => listBlocs(deps.clock.now().toISOString().slice(0, 10)),
  );
  app.get(
    "/api/blocs/:code/members",
    {
      schema: {
        operationId: "getBlocMembers",
        summary: "A bloc's members on a day, each with the source dating its membership",
        tags,
        params: z.object({ code: z.string().min(1).max(40) }),
        querystring: z.object({ asOf: z.string().regex(ISO_DATE_PATTERN, "a date is YYYY-MM-DD").optional() }),
        response: { 200: BlocMembersSchema, ...PROBLEMS },
      },
    },
    async (request) =>
      blocMembersOn(request.params.code, request.query.asOf ?? deps.clock.now().toISOString().slice(0, 10)),
  );
};
