// The HTTP API as a Fastify app: zod at the edge, OpenAPI from the same schemas, one error handler, sessions and
// tokens, security headers. Built without listening, so tests drive it with `app.inject`.
import fastifyCookie from "@fastify/cookie";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from "fastify-type-provider-zod";
import { systemClock, type Clock } from "../services/clock.ts";
import { CablegramError } from "../services/errors.ts";
import { DEFAULT_EXPORT_MAX } from "../services/export/index.ts";
import type { SiteSettings } from "../services/sites/site-settings.ts";
import type { Store } from "../store/open-store.ts";
import { answerClientError, answerFrameworkError } from "./client-errors.ts";
import { installAuthentication, markRoutesPublic } from "./plugins/authenticate.ts";
import { installJsonOnly } from "./plugins/json-only.ts";
import { installMessaging, type MessagingOptions } from "./plugins/messaging.ts";
import { OneLineRequestLog } from "./plugins/request-log.ts";
import { installSecurityHeaders } from "./plugins/security-headers.ts";
import { installWebApp } from "./plugins/web-app.ts";
import { installProblemHandlers } from "./problem.ts";
import { installRouteTable } from "./route-table.ts";
import { actionRoutes } from "./routes/action-routes.ts";
import { alertRoutes } from "./routes/alert-routes.ts";
import { auditRoutes } from "./routes/audit-routes.ts";
import { cableRoutes } from "./routes/cable-routes.ts";
import { declassRoutes } from "./routes/declass-routes.ts";
import { campaignRoutes } from "./routes/campaign-routes.ts";
import { suggestionRoutes } from "./routes/suggestion-routes.ts";
import { declassScheduleRoutes } from "./routes/declass-schedule-routes.ts";
import { readingRoomRoutes } from "./routes/reading-room-routes.ts";
import { directoryRoutes } from "./routes/directory-routes.ts";
import { draftRoutes } from "./routes/draft-routes.ts";
import { eventRoutes } from "./routes/event-routes.ts";
import { exportRoutes } from "./routes/export-routes.ts";
import { inboxRoutes } from "./routes/inbox-routes.ts";
import type { RouteOptions } from "./routes/route-options.ts";
import { savedSearchRoutes } from "./routes/saved-search-routes.ts";
import { notificationRoutes } from "./routes/notification-routes.ts";
import { searchRoutes } from "./routes/search-routes.ts";
import { sessionRoutes } from "./routes/session-routes.ts";
import { siteRoutes } from "./routes/site-routes.ts";
import { userRoutes } from "./routes/user-routes.ts";
import { withoutUnusedSchemas } from "./unused-schemas.ts";

export type AppOptions = {
  store: Store;
  clock?: Clock;
  /** A pino logger; omitted, the app logs nothing (tests). */
  logger?: FastifyBaseLogger;
  /** Mark the session cookie Secure; set when the server is reached over HTTPS. Default false. */
  secureCookies?: boolean;
  /** Trust X-Forwarded-For from a reverse proxy for client addresses. Default false. */
  trustProxy?: boolean;
  /** Sign-in requests allowed per client address per window; default 10 a minute. */
  signInLimit?: { max: number; timeWindow: number };
  /** The dispatcher's settings (alert senders, objectives, beat); defaults from the environment. */
  messaging?: MessagingOptions;
  /** The most cables one export of search results may hold; default 50,000 (CABLEGRAM_EXPORT_MAX). */
  exportMax?: number;
  /**
   * How often a live event stream checks that its session still stands and its user still sees what they saw
   * (clearance, captions, offices, post); default 10 s. A stream that fails the check ends, and the browser
   * reconnects as whoever it now is.
   */
  eventsRecheckMs?: number;
  /** The node's site settings (CABLEGRAM_SITE); omitted or null, the app is the one-node system without NATS. */
  site?: SiteSettings | null;
  /** A built web app (web/dist) to serve at `/`; omitted, only the API is served. */
  webRoot?: string;
};

const API_VERSION = "0.1.0";
const DEFAULT_EVENTS_RECHECK_MS = 10_000;

/**
 * Builds the app with every route registered and ready, not listening.
 * @example const app = await buildApp({ store }); (await app.inject({ url: "/api/session" })).statusCode // 401
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const deps = { store: options.store, clock: options.clock ?? systemClock };
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
    logController: new OneLineRequestLog(),
  }) as unknown as FastifyInstance;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installRouteTable(app);
  installProblemHandlers(app);
  installSecurityHeaders(app);
  installJsonOnly(app);

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new CablegramError("RATE_LIMITED", `Too many sign-in attempts from your address; retry in ${context.after}.`, {
        retryAfter: Math.ceil(context.ttl / 1000),
      }),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Cablegram API",
        version: API_VERSION,
        description:
          "Diplomatic cables: read, search, follow references; the directory; users. Sign in with POST /api/session " +
          "(cookie) or send `Authorization: Bearer <token>`. Errors are application/problem+json with a stable `code`. " +
          "POST, PATCH and DELETE need `Content-Type: application/json`.",
        license: { name: "MIT", identifier: "MIT" },
      },
      // The document is served by the API it describes: `/` is that server, under whatever address it is reached.
      servers: [{ url: "/", description: "This server" }],
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "cablegram_session" },
          token: { type: "http", scheme: "bearer" },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: (input) => withoutUnusedSchemas(jsonSchemaTransformObject(input)),
  });
  await app.register(async (docs) => {
    markRoutesPublic(docs);
    await docs.register(fastifySwaggerUi, { routePrefix: "/api/docs" });
  });
  installAuthentication(app, deps);
  installMessaging(app, deps, options.messaging, options.site ?? null);

  app.get("/api/openapi.json", { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  const routeOptions: RouteOptions = {
    deps,
    secureCookies: options.secureCookies ?? false,
    signInLimit: options.signInLimit ?? { max: 10, timeWindow: 60_000 },
    exportMax: options.exportMax ?? DEFAULT_EXPORT_MAX,
    eventsRecheckMs: options.eventsRecheckMs ?? DEFAULT_EVENTS_RECHECK_MS,
  };
  for (const routes of [
    sessionRoutes,
    cableRoutes,
    searchRoutes,
    exportRoutes,
    directoryRoutes,
    userRoutes,
    auditRoutes,
  ]) {
    await app.register(routes, routeOptions);
  }
  for (const routes of [inboxRoutes, eventRoutes, actionRoutes, alertRoutes]) await app.register(routes, routeOptions);
  await app.register(draftRoutes, routeOptions);
  await app.register(savedSearchRoutes, routeOptions);
  await app.register(notificationRoutes, routeOptions);
  await app.register(campaignRoutes, routeOptions);
  await app.register(suggestionRoutes, routeOptions);
  await app.register(declassRoutes, routeOptions);
  await app.register(readingRoomRoutes, routeOptions);
  await app.register(siteRoutes, routeOptions);
  await app.register(declassScheduleRoutes, routeOptions);
  if (options.webRoot) await installWebApp(app, options.webRoot);
  await app.ready();
  return app;
}
