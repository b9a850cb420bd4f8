// Full-text and fielded search over the cables the user may read; every search is audited.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { searchCablesAudited } from "../../services/audit/search-cables-audited.ts";
import { SEARCH_HELP } from "../../core/search-language.ts";
import { signedIn } from "../plugins/authenticate.ts";
import { PROBLEMS } from "../../api/problem-schemas.ts";
import { SearchResultSchema } from "../../api/search-schemas.ts";
import type { RouteOptions } from "./route-options.ts";

/** GET /api/search. */
export const searchRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  app.get(
    "/api/search",
    {
      schema: {
        operationId: "searchCables",
        summary: "Search the cables you may read",
        description: `Totals past 10,000 are lower bounds (totalIsLowerBound). Snippets are HTML with <mark> around matches.\n\n${SEARCH_HELP}`,
        tags: ["cables"],
        querystring: z.object({
          q: z.string().max(1000).default(""),
          limit: z.coerce.number().int().min(1).max(100).default(20),
          cursor: z.string().max(2000).optional(),
          sort: z.enum(["relevance", "date"]).optional(),
        }),
        response: { 200: SearchResultSchema, ...PROBLEMS },
      },
    },
    async (request) => {
      const { actor, reader } = signedIn(request);
      const { q, limit, cursor, sort } = request.query;
      return searchCablesAudited(deps, actor, reader, { q, limit, cursor: cursor ?? null, sort });
    },
  );
};
