// Serves the built web application (web/dist) at `/`: its files, and index.html for every other page path so the
// browser's router can take it. The shell holds no data; everything it shows comes through the API and its rules,
// so these routes are public.
import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply } from "fastify";
import { CablegramError } from "../../services/errors.ts";
import { markRoutesPublic } from "./authenticate.ts";

/** The CSP of the web app's pages: its own scripts, styles and API only; images it draws as data: URLs. */
export const WEB_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " +
  "font-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/**
 * Whether `root` holds a built web app.
 * @example hasWebApp("web/dist") // true after `npm run build:web`
 */
export function hasWebApp(root: string): boolean {
  return existsSync(join(root, "index.html"));
}

/**
 * Registers the static files of `root` and the page fallback. Hashed assets are cached for a year; index.html is
 * revalidated on every load so a new release is picked up at once.
 * @example await installWebApp(app, "/srv/cablegram/web/dist")
 */
export async function installWebApp(app: FastifyInstance, root: string): Promise<void> {
  await app.register(async (web) => {
    markRoutesPublic(web);
    await registerWebRoutes(web, root);
  });
}

async function registerWebRoutes(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    // Source maps would hand out the app's sources; production builds emit none, and none is served.
    allowedPath: (path) => !isSourceMap(path),
    setHeaders: (res, path) => {
      res.setHeader("cache-control", path.includes("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
    },
  });
  app.get("/", { schema: { hide: true } }, (_request, reply) => sendShell(reply));
  app.get("/*", { schema: { hide: true } }, (request, reply) => {
    // The router's decoded path, so that `/%61pi/nope` and `//api/users` are unknown API routes too, not pages.
    const path = (request.params as { "*": string })["*"];
    if (/^\/*api(\/|$)/i.test(path) || isSourceMap(path)) {
      throw new CablegramError("ROUTE_NOT_FOUND", `No route ${request.method} ${request.url}.`);
    }
    return sendShell(reply);
  });
}

function isSourceMap(path: string): boolean {
  return path.toLowerCase().endsWith(".map");
}

function sendShell(reply: FastifyReply) {
  return reply.header("cache-control", "no-cache").type("text/html; charset=utf-8").sendFile("index.html");
}
