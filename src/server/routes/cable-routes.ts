// Cables by id (as the model or as telegram text) and their references. Unreadable cables are "not found".
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { cableNotFound } from "../../services/archive/read-cable.ts";
import { referencesOf } from "../../services/archive/references-of.ts";
import { readCableAudited } from "../../services/audit/read-cable-audited.ts";
import { cableJson } from "../../services/export/exported-cable.ts";
import { renderTelegram } from "../../telegram/index.ts";
import { signedIn } from "../plugins/authenticate.ts";
import { ArchivedCableSchema, ReferencesSchema } from "../../api/cable-schemas.ts";
import { PROBLEMS } from "../../api/problem-schemas.ts";
import type { RouteOptions } from "./route-options.ts";

const tags = ["cables"];
const IdParams = z.object({ id: z.string().min(1).max(64) });

/** Cable routes under /api/cables. */
export const cableRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  app.get(
    "/api/cables/:id",
    {
      schema: {
        operationId: "getCable",
        summary: "A cable: the model with archive metadata, or (format=telegram) its telegram text",
        description:
          "With `format=telegram` the answer is text/plain: the original text as archived, byte for byte, or the " +
          "rendered telegram for cables created in Cablegram. A cable you may not read is 404, exactly like a missing one.",
        tags,
        params: IdParams,
        querystring: z.object({ format: z.enum(["json", "telegram"]).default("json") }),
        response: { 200: ArchivedCableSchema.or(z.string()), ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const { actor, reader } = signedIn(request);
      const { id } = request.params;
      const format = request.query.format;
      const archived = await readCableAudited(deps, actor, reader, id, { format });
      if (!archived) throw cableNotFound(id);
      if (format === "telegram") {
        return reply.type("text/plain; charset=utf-8").send(archived.raw ?? renderTelegram(archived.cable));
      }
      return cableJson(archived);
    },
  );

  app.get(
    "/api/cables/:id/references",
    {
      schema: {
        operationId: "getCableReferences",
        summary: "What a cable cites (resolved where archived and readable) and what cites it",
        tags,
        params: IdParams,
        response: { 200: ReferencesSchema, ...PROBLEMS },
      },
    },
    async (request) => {
      const found = await referencesOf(deps.store, signedIn(request).reader, request.params.id);
      if (!found) throw cableNotFound(request.params.id);
      return found;
    },
  );
};
