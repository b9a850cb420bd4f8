// Errors met before a request reaches a route, answered as problem+json like every other: a URL Fastify's router
// cannot decode, and what Node's HTTP parser refuses (headers too large, a request that is not HTTP, a timeout).
import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { CablegramError, type ErrorCode } from "../services/errors.ts";
import { problemOf, sendProblem } from "./problem.ts";

/**
 * Fastify's `frameworkErrors` option: a path segment that is not valid percent-encoding, or a parameter too long
 * for the router, becomes BAD_URL; anything else is Fastify's own fault, a bare 500.
 * @example Fastify({ frameworkErrors: answerFrameworkError })
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const known =
    error.code === "FST_ERR_BAD_URL" || error.code === "FST_ERR_MAX_PARAM_LENGTH"
      ? new CablegramError("BAD_URL", `${new CablegramError("BAD_URL").message} (${error.message})`)
      : new CablegramError("INTERNAL_ERROR");
  if (known.status >= 500) request.log.error({ err: error }, "unhandled framework error");
  void sendProblem(reply, known, request.url);
}

/** Node's parser error codes (`HPE_...`, `ERR_HTTP_...`) in the ERRORS table's vocabulary. */
function codeOfParserError(code: string | undefined): ErrorCode {
  if (code === "HPE_HEADER_OVERFLOW") return "HEADERS_TOO_LARGE";
  if (code === "ERR_HTTP_REQUEST_TIMEOUT") return "REQUEST_TIMEOUT";
  return "BAD_REQUEST";
}

/**
 * Fastify's `clientErrorHandler` option: the request never became one, so the answer is written on the socket,
 * which is then closed. The problem has no `instance`: the path was never read.
 * @example Fastify({ clientErrorHandler: answerClientError })
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  // A reset connection has nobody left to answer.
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  if (socket.writable) {
    const { instance: _path, ...problem } = problemOf(new CablegramError(codeOfParserError(error.code)), "");
    const body = JSON.stringify(problem);
    socket.write(
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n` +
        `Content-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
