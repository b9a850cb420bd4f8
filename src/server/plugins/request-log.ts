// One log line a request, written when it is answered: method, path, status and time together, so a log reader (or
// the terminal's pretty printer) sees the whole exchange on one line, and a busy server writes half the lines that
// Fastify's two (received, completed) would cost. Fastify's other lines (errors, not found) are kept as they are.
import { LogController, type FastifyReply, type FastifyRequest } from "fastify";

/**
 * Fastify's log controller with the "incoming request" line dropped and "request completed" carrying the request.
 * @example Fastify({ loggerInstance, logController: new OneLineRequestLog() })
 * // {"level":30,"reqId":"req-1","req":{"method":"GET","url":"/api/inbox",...},"res":{"statusCode":200},"responseTime":1.2,"msg":"request completed"}
 */
export class OneLineRequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    const fields = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...fields, err: error }, "request errored");
    else reply.log.info(fields, "request completed");
  }
}
