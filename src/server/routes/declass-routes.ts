// Declassification review for reviewers: the queue of cables due, and recording a decision on one.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { dueForReview, recordReview } from "../../services/declass/index.ts";
import { PROBLEMS } from "../../api/problem-schemas.ts";
import { RecordedReviewSchema, ReviewDecisionSchema, ReviewQueueSchema } from "../../api/declass-schemas.ts";
import { signedIn } from "../plugins/authenticate.ts";
import type { RouteOptions } from "./route-options.ts";

/** GET /api/declass/queue and POST /api/declass/reviews: reviewers (and admins) only. */
export const declassRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const queue = dueForReview(deps.store, () => deps.clock.now().toISOString().slice(0, 10));
  app.get(
    "/api/declass/queue",
    {
      config: { role: "reviewer" },
      schema: {
        operationId: "listReviewQueue",
        summary: "The next cables due for declassification review that you may read, oldest first (reviewers)",
        tags: ["declassification"],
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(100).default(20),
          after: z.string().max(64).optional(),
        }),
        response: { 200: ReviewQueueSchema, ...PROBLEMS },
      },
    },
    async (request) => {
      const { reader } = signedIn(request);
      const ids = await queue.next(reader, request.query.limit, request.query.after ?? null);
      if (ids.length === 0) return { cables: [] };
      const rows = await deps.store.db
        .selectFrom("cables")
        .select(["id", "subject", "dtg", "classification"])
        .where("id", "in", ids)
        .execute();
      const byId = new Map(rows.map((r) => [r.id, r]));
      return { cables: ids.flatMap((id) => byId.get(id) ?? []) };
    },
  );
  app.post(
    "/api/declass/reviews",
    {
      config: { role: "reviewer" },
      schema: {
        operationId: "recordReview",
        summary: "Record a declassification decision on a cable (reviewers holding its clearance and caveats)",
        tags: ["declassification"],
        body: z.object({ cableId: z.string().min(1).max(64), decision: ReviewDecisionSchema }),
        response: { 201: RecordedReviewSchema, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const { user } = signedIn(request);
      const recorded = await recordReview(deps, user, request.body.cableId, request.body.decision);
      return reply.code(201).send(recorded);
    },
  );
};
