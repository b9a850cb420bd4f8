// CSRF defence beside SameSite cookies: a state-changing request must say its body is JSON, which an HTML form on
// another site cannot do without a CORS preflight (which this server never grants).
import type { FastifyInstance } from "fastify";
import { CablegramError } from "../../services/errors.ts";

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Rejects POST, PUT, PATCH and DELETE without `Content-Type: application/json` (415 UNSUPPORTED_MEDIA_TYPE), and
 * lets such requests have an empty body (a DELETE carries none).
 * @example installJsonOnly(app)
 */
export function installJsonOnly(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    const text = typeof body === "string" ? body : body.toString("utf8");
    if (text.trim() === "") return done(null, undefined);
    return parseJson(request, text, done);
  });
  app.addHook("onRequest", async (request) => {
    if (!STATE_CHANGING.has(request.method)) return;
    const type = (request.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
    if (type !== "application/json") {
      throw new CablegramError("UNSUPPORTED_MEDIA_TYPE", `${request.method} needs Content-Type: application/json.`);
    }
  });
}
