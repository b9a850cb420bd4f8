// Security headers on every answer (no helmet here): no sniffing, no referrer leaks, no framing, a strict CSP
// except on the API docs, which need Swagger UI's own scripts and inline styles, and on the web app's pages.
import type { FastifyInstance } from "fastify";
import { WEB_CSP } from "./web-app.ts";

/** Everything the API answers is data: nothing may run, load or frame it. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Swagger UI at /api/docs: its scripts and styles from this origin, inline styles and data: images it draws. */
export const DOCS_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

function cspOf(path: string): string {
  if (path.startsWith("/api/docs")) return DOCS_CSP;
  return path.startsWith("/api/") ? API_CSP : WEB_CSP;
}

/**
 * Adds the security headers in an onSend hook.
 * @example installSecurityHeaders(app) // every answer: X-Content-Type-Options: nosniff, ...
 */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook("onSend", async (request, reply, payload) => {
    // The matched route's path, not the URL text: `/%61pi/users` is an API answer too.
    const path = request.routeOptions.url ?? request.url;
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "no-referrer");
    reply.header("x-frame-options", "DENY");
    reply.header("cross-origin-opener-policy", "same-origin");
    reply.header("content-security-policy", cspOf(path));
    if (path.startsWith("/api/") && !path.startsWith("/api/docs")) reply.header("cache-control", "no-store");
    return payload;
  });
}
