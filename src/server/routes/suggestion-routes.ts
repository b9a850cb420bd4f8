// Position suggestions read from cables' and drafts' text: listed per campaign and per draft, confirmed (recorded as
// a position event) or dismissed by a person. Only suggestions of cables the reader may read, and of drafts he may
// see, exist for him.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  DraftSuggestionSchema,
  PositionEventViewSchema,
  PositionSuggestionSchema,
} from "../../api/campaign-schemas.ts";
import { PROBLEMS } from "../../api/problem-schemas.ts";
import { ISO_DATE_PATTERN } from "../../core/index.ts";
import {
  confirmSuggestion,
  dismissSuggestion,
  draftSuggestions,
  listSuggestions,
} from "../../services/campaigns/index.ts";
import { signedIn } from "../plugins/authenticate.ts";
import type { RouteOptions } from "./route-options.ts";

const tags = ["campaigns"];
const IdParams = z.object({ id: z.string().min(1).max(200) });

/** `POST /api/suggestions/:id/confirm`'s body: the campaign to record in, and what to change of the suggestion. */
export const ConfirmSuggestionSchema = z.object({
  campaignId: z.string().min(1).max(120),
  questionId: z.string().min(1).max(120).optional(),
  position: z.string().min(1).max(60).optional(),
  effectiveOn: z.string().regex(ISO_DATE_PATTERN, "a date is YYYY-MM-DD").optional(),
});

/** Suggestion routes under /api/campaigns/:id/suggestions, /api/drafts/:id/suggestions and /api/suggestions. */
export const suggestionRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  app.get(
    "/api/campaigns/:id/suggestions",
    {
      schema: {
        operationId: "listCampaignSuggestions",
        summary: "Positions suggested by the text of the cables and drafts that fit the campaign (its TAGS countries)",
        description:
          "Drafts' suggestions (with `draftId`) are listed to those who may see the draft, and are confirmed once " +
          "the draft is released; cables' (with `cableId`) to those who may read the cable.",
        tags,
        params: IdParams,
        response: { 200: z.array(PositionSuggestionSchema), ...PROBLEMS },
      },
    },
    async (request) => {
      const { user, reader } = signedIn(request);
      return listSuggestions(deps, reader, request.params.id, user);
    },
  );
  app.get(
    "/api/drafts/:id/suggestions",
    {
      schema: {
        operationId: "listDraftSuggestions",
        summary: "Positions suggested by a draft's saved text, read at each save; none is recorded without a person",
        tags,
        params: IdParams,
        response: { 200: z.array(DraftSuggestionSchema), ...PROBLEMS },
      },
    },
    async (request) => draftSuggestions(deps.store, signedIn(request).user, request.params.id),
  );
  app.post(
    "/api/suggestions/:id/confirm",
    {
      schema: {
        operationId: "confirmSuggestion",
        summary: "Confirm a suggestion: record its position event with the cable as source",
        tags,
        params: IdParams,
        body: ConfirmSuggestionSchema,
        response: {
          200: z.object({ suggestion: PositionSuggestionSchema, event: PositionEventViewSchema }),
          ...PROBLEMS,
        },
      },
    },
    async (request) => {
      const { user, reader } = signedIn(request);
      return confirmSuggestion(deps, { by: user, reader, user, suggestionId: request.params.id, ...request.body });
    },
  );
  app.post(
    "/api/suggestions/:id/dismiss",
    {
      schema: {
        operationId: "dismissSuggestion",
        summary: "Dismiss a suggestion: nothing is recorded",
        tags,
        params: IdParams,
        response: { 200: z.object({ id: z.string(), status: z.literal("dismissed") }), ...PROBLEMS },
      },
    },
    async (request) => {
      const { user, reader } = signedIn(request);
      return dismissSuggestion(deps, { by: user, reader, user, suggestionId: request.params.id });
    },
  );
};
