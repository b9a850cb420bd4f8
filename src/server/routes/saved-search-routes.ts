// A user's saved searches: list, save, remove and watch, and the notices watching ones leave; each user reaches only
// their own.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  listSavedSearches,
  listSearchNotices,
  markSearchNoticesRead,
  removeSavedSearch,
  SAVED_SEARCH_SORTS,
  saveSearch,
  watchSavedSearch,
} from "../../services/saved-searches/index.ts";
import { signedIn } from "../plugins/authenticate.ts";
import { PROBLEMS } from "../../api/problem-schemas.ts";
import {
  SavedSearchListSchema,
  SavedSearchSchema,
  SearchNoticeListSchema,
  WatchBodySchema,
} from "../../api/saved-search-schemas.ts";
import type { RouteOptions } from "./route-options.ts";

const tags = ["search"];

/** Saved-search routes under /api/saved-searches. */
export const savedSearchRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  app.get(
    "/api/saved-searches",
    {
      schema: {
        operationId: "listSavedSearches",
        summary: "Your saved searches, by name",
        tags,
        response: { 200: SavedSearchListSchema, ...PROBLEMS },
      },
    },
    async (request) => listSavedSearches(deps, { userId: signedIn(request).user.id }),
  );
  app.post(
    "/api/saved-searches",
    {
      schema: {
        operationId: "saveSearch",
        summary: "Save a search under a name",
        description:
          "The query must be readable by the search language (else 400 BAD_QUERY with its `position`); names are " +
          "unique per user, case aside (409 SAVED_SEARCH_NAME_TAKEN).",
        tags,
        body: z.object({
          name: z.string().max(200),
          query: z.string().max(2000),
          sort: z.enum(SAVED_SEARCH_SORTS).nullable().optional(),
        }),
        response: { 201: SavedSearchSchema, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const saved = await saveSearch(deps, { user: signedIn(request).user, search: request.body });
      return reply.code(201).send(saved);
    },
  );
  app.delete(
    "/api/saved-searches/:id",
    {
      schema: {
        operationId: "deleteSavedSearch",
        summary: "Remove one of your saved searches",
        tags,
        params: z.object({ id: z.string().min(1).max(64) }),
        response: { 204: z.null(), ...PROBLEMS },
      },
    },
    async (request, reply) => {
      await removeSavedSearch(deps, { user: signedIn(request).user, id: request.params.id });
      return reply.code(204).send(null);
    },
  );
  app.put(
    "/api/saved-searches/:id/watch",
    {
      schema: {
        operationId: "watchSavedSearch",
        summary: "Watch one of your saved searches for new cables, or stop",
        description:
          "Watching, each newly archived or released cable the search matches, under your access at that moment, " +
          "leaves a notice (GET /api/search-notices, and among GET /api/notifications), a live `notification` event on " +
          "/api/events and, where you have an e-mail address and the server has SMTP, an e-mail.",
        tags,
        params: z.object({ id: z.string().min(1).max(64) }),
        body: WatchBodySchema,
        response: { 200: SavedSearchSchema, ...PROBLEMS },
      },
    },
    async (request) =>
      watchSavedSearch(deps, { user: signedIn(request).user, id: request.params.id, watch: request.body.watch }),
  );
  app.get(
    "/api/search-notices",
    {
      schema: {
        operationId: "listSearchNotices",
        summary: "New cables your watching saved searches matched, newest first, and how many are unread",
        description: "Only cables you may read now are listed.",
        tags,
        response: { 200: SearchNoticeListSchema, ...PROBLEMS },
      },
    },
    async (request) => listSearchNotices(deps.store, { user: signedIn(request).user }),
  );
  app.post(
    "/api/search-notices/read",
    {
      schema: {
        operationId: "markSearchNoticesRead",
        summary: "Mark all your saved-search notices read",
        tags,
        response: { 200: z.object({ marked: z.number().int() }), ...PROBLEMS },
      },
    },
    async (request) => ({ marked: await markSearchNoticesRead(deps, { userId: signedIn(request).user.id }) }),
  );
};
