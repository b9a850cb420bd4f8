// The public reading room: search, list and read released versions and withdrawal cards, with no sign-in. The
// services read only the reading room's own tables, which hold nothing withheld.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { SEARCH_HELP } from "../../core/search-language.ts";
import { listWithdrawals, readReadingRoom, searchReadingRoom } from "../../services/declass/index.ts";
import { PROBLEMS } from "../../api/problem-schemas.ts";
import { ReadingRoomItemSchema, ReadingRoomResultSchema, WithdrawalsSchema } from "../../api/declass-schemas.ts";
import type { RouteOptions } from "./route-options.ts";

/** GET /api/reading-room, /api/reading-room/withdrawals and /api/reading-room/:id, open to anyone. */
export const readingRoomRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  app.get(
    "/api/reading-room",
    {
      config: { public: true },
      schema: {
        operationId: "searchReadingRoom",
        summary: "Search the released versions of declassified cables (no sign-in)",
        description: `Newest first; an empty query lists every released version.\n\n${SEARCH_HELP}`,
        tags: ["reading room"],
        querystring: z.object({
          q: z.string().max(1000).default(""),
          limit: z.coerce.number().int().min(1).max(100).default(20),
          cursor: z.string().max(2000).optional(),
        }),
        response: { 200: ReadingRoomResultSchema, ...PROBLEMS },
      },
    },
    async (request) => searchReadingRoom(deps.store, { ...request.query, cursor: request.query.cursor ?? null }),
  );
  app.get(
    "/api/reading-room/withdrawals",
    {
      config: { public: true },
      schema: {
        operationId: "listWithdrawalCards",
        summary: "Withdrawal cards of cables withheld in full, newest first (no sign-in)",
        tags: ["reading room"],
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(100).default(20),
          after: z.string().max(64).optional(),
        }),
        response: { 200: WithdrawalsSchema, ...PROBLEMS },
      },
    },
    async (request) => listWithdrawals(deps.store, { limit: request.query.limit, after: request.query.after ?? null }),
  );
  app.get(
    "/api/reading-room/:id",
    {
      config: { public: true },
      schema: {
        operationId: "getReadingRoomItem",
        summary: "A cable's released version, or its withdrawal card (no sign-in)",
        tags: ["reading room"],
        params: z.object({ id: z.string().max(64) }),
        response: { 200: ReadingRoomItemSchema, ...PROBLEMS },
      },
    },
    async (request) => readReadingRoom(deps.store, request.params.id),
  );
};
