// The one error handler: every error becomes an `application/problem+json` answer (RFC 9457) from the ERRORS table.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { CablegramError, ERRORS, isCablegramError, type ErrorCode } from "../services/errors.ts";

/** The body of an error answer. `code` is the stable ERRORS key; extension members carry details. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance: string;
  [extension: string]: unknown;
};

/**
 * The problem document for a service error, at the request's path.
 * @example problemOf(new CablegramError("CABLE_NOT_FOUND"), "/api/cables/X") // { type: "urn:cablegram:problem:cable-not-found", status: 404, ... }
 */
export function problemOf(error: CablegramError, instance: string): Problem {
  const reserved = new Set(["type", "title", "status", "detail", "code", "instance"]);
  const extensions = Object.fromEntries(Object.entries(error.details).filter(([k]) => !reserved.has(k)));
  return {
    type: `urn:cablegram:problem:${error.code.toLowerCase().replace(/_/g, "-")}`,
    title: ERRORS[error.code].message,
    status: error.status,
    detail: error.message,
    code: error.code,
    instance,
    ...extensions,
  };
}

// Fastify's own client errors (bad JSON, wrong media type, body too large) in the vocabulary of the ERRORS table.
function fromFastify(error: FastifyError): CablegramError | null {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? "request";
    const issues = error.validation.map((v) => ({
      path: [where, ...String(v.instancePath).split("/").filter(Boolean)].join("."),
      message: v.message ?? "invalid",
    }));
    const summary = issues.map((i) => `${i.path}: ${i.message}`).join("; ");
    return new CablegramError("INVALID_INPUT", `Invalid ${where}: ${summary}`, { issues });
  }
  const status = error.statusCode ?? 500;
  if (status === 415) return new CablegramError("UNSUPPORTED_MEDIA_TYPE");
  if (status === 413) return new CablegramError("PAYLOAD_TOO_LARGE");
  if (status === 429) return new CablegramError("RATE_LIMITED");
  if (status >= 400 && status < 500) return new CablegramError("INVALID_INPUT", error.message);
  return null;
}

/**
 * Installs the error and not-found handlers. Service errors keep their code; unknown errors are logged with their
 * stack and answered as a bare 500, so no internals reach the client.
 * @example installProblemHandlers(app)
 */
export function installProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const known = isCablegramError(error) ? error : fromFastify(error);
    if (!known || known.status >= 500) {
      request.log.error({ err: error }, "unhandled error");
      return sendProblem(reply, new CablegramError("INTERNAL_ERROR", "Internal Server Error"), request.url);
    }
    const retryAfter = known.details.retryAfter;
    if (typeof retryAfter === "number") void reply.header("retry-after", String(retryAfter));
    return sendProblem(reply, known, request.url);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      new CablegramError("ROUTE_NOT_FOUND", `No route ${request.method} ${request.url}.`),
      request.url,
    ),
  );
}

/**
 * Answers with the problem document of a service error at the request's path (query string left out).
 * @example sendProblem(reply, new CablegramError("BAD_URL"), request.url)
 */
export function sendProblem(reply: FastifyReply, error: CablegramError, url: string): FastifyReply {
  const instance = url.split("?")[0] ?? url;
  return reply.code(error.status).type("application/problem+json; charset=utf-8").send(problemOf(error, instance));
}
