// Downloads: one cable as telegram text, JSON or PDF, and a search's results as JSON Lines, CSV or a ZIP of
// telegrams, streamed as they are written. Exports obey the access rule as search does and are audited.
import { Readable } from "node:stream";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { CABLE_EXPORT_FORMATS, SEARCH_EXPORT_FORMATS } from "../../core/index.ts";
import { contentDisposition, exportCable, exportSearch, exportSize } from "../../services/export/index.ts";
import { PROBLEMS } from "../../api/problem-schemas.ts";
import { ExportSizeSchema } from "../../api/export-schemas.ts";
import { signedIn } from "../plugins/authenticate.ts";
import type { RouteOptions } from "./route-options.ts";

const Query = z.string().max(1000).default("");

/**
 * A file's bytes as the route's reply: the schema documents the 200 answer as a string (the document's way of saying
 * "a file"), and Fastify sends a Buffer or a stream as it is, never through the serializer.
 */
function binary(body: Buffer | Readable): string {
  return body as unknown as string;
}

/** GET /api/cables/:id/export, GET /api/search/export and GET /api/search/export/size. */
export const exportRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps, exportMax }) => {
  app.get(
    "/api/cables/:id/export",
    {
      schema: {
        operationId: "exportCable",
        summary: "Download a cable as its telegram text, as JSON or as a PDF",
        description:
          "An attachment named after the cable (`08STATE16245.pdf`). `telegram` is the original text byte for byte " +
          "(or the rendering of a cable created here), `json` what GET /api/cables/{id} answers, `pdf` the telegram " +
          "in a monospace font with the classification at the top and bottom of every page. A cable you may not " +
          "read is 404, exactly like a missing one. Every export is written to the audit log (`cable.export`).",
        tags: ["cables"],
        params: z.object({ id: z.string().min(1).max(64) }),
        querystring: z.object({ format: z.enum(CABLE_EXPORT_FORMATS).default("telegram") }),
        response: { 200: z.string().describe("text/plain, application/json or application/pdf"), ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const { actor, reader } = signedIn(request);
      const file = await exportCable(deps, actor, reader, request.params.id, request.query.format, { via: "api" });
      return reply
        .type(file.contentType)
        .header("content-disposition", contentDisposition(file.fileName))
        .send(binary(file.body));
    },
  );

  app.get(
    "/api/search/export",
    {
      schema: {
        operationId: "exportSearch",
        summary: "Download every cable a search finds: JSON Lines, CSV of metadata, or a ZIP of telegrams",
        description:
          "Exactly the cables GET /api/search finds for you (newest first), counted and read under your access at " +
          "the time of the export, streamed as they are written. `jsonl`: a line per cable as GET /api/cables/{id} " +
          "answers it; `csv`: RFC 4180 with a header row (id, date, origin, classification, captions, precedence, " +
          "subject, tags, references; several values in a cell joined by `; `); `zip`: `ID.txt` telegram files. " +
          "`X-Cablegram-Export-Count` says how many. More matches than the server's limit (CABLEGRAM_EXPORT_MAX) " +
          "is 422 EXPORT_TOO_LARGE before anything is sent. Every export is written to the audit log (`cable.export`).",
        tags: ["cables"],
        querystring: z.object({ q: Query, format: z.enum(SEARCH_EXPORT_FORMATS) }),
        response: {
          200: z.string().describe("application/x-ndjson, text/csv or application/zip"),
          ...PROBLEMS,
        },
      },
    },
    async (request, reply) => {
      const { actor, reader } = signedIn(request);
      const { q, format } = request.query;
      const file = await exportSearch(deps, actor, reader, { q, format, max: exportMax }, { via: "api" });
      return reply
        .type(file.contentType)
        .header("content-disposition", contentDisposition(file.fileName))
        .header("x-cablegram-export-count", String(file.count))
        .send(binary(Readable.from(file.chunks, { objectMode: false })));
    },
  );

  app.get(
    "/api/search/export/size",
    {
      schema: {
        operationId: "getSearchExportSize",
        summary: "How many cables an export of a search would hold, and the most an export may",
        description:
          "Counts exactly up to the limit (`count` is `max + 1` past it, and `tooLarge` is true), so that a client " +
          "can say so before it starts a download. Recorded in the audit log as a search.",
        tags: ["cables"],
        querystring: z.object({ q: Query }),
        response: { 200: ExportSizeSchema, ...PROBLEMS },
      },
    },
    async (request) => {
      const { actor, reader } = signedIn(request);
      return exportSize(deps, actor, reader, { q: request.query.q, max: exportMax }, { via: "api" });
    },
  );
};
