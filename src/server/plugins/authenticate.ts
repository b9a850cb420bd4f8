// Who is asking: the session cookie or bearer token of each request becomes its user and reader; routes are
// closed unless their own configuration marks them public, and may require a role. The decision reads the route the
// router matched, never the request's URL text, which can spell one path in many ways (`/%61pi/users`).
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Reader } from "../../services/access/reader.ts";
import type { Actor } from "../../services/audit/audit-entry.ts";
import { userOfToken } from "../../services/auth/api-tokens.ts";
import { sessionOf } from "../../services/auth/sessions.ts";
import type { Deps } from "../../services/clock.ts";
import { CablegramError } from "../../services/errors.ts";
import { readerOf } from "../../services/users/reader-of.ts";
import { hasRole, type Role, type User } from "../../services/users/user-schema.ts";

/** The session cookie's name. */
export const SESSION_COOKIE = "cablegram_session";

declare module "fastify" {
  interface FastifyRequest {
    /** The signed-in user; null on public routes when nobody is signed in. Set by the authenticate hook. */
    user: User | null;
    /** The access-rule view of `user`. */
    reader: Reader | null;
    /** When the request's session ends; null for API tokens and anonymous requests. */
    sessionExpiresAt: string | null;
  }
  interface FastifyContextConfig {
    /** Open to anyone: sign-in, the API docs and the web app's shell. Every other route needs a session or a token. */
    public?: boolean;
    /** A role the user must hold (admins hold all); others get 403 FORBIDDEN. */
    role?: Role;
  }
}

/** Signed in: what a handler of a closed route can count on. */
export type SignedIn = { user: User; reader: Reader; actor: Actor };

/**
 * The user, reader and audit actor of a request on a closed route (the hook has made sure there is a user).
 * @example const { reader, actor } = signedIn(request)
 */
export function signedIn(request: FastifyRequest): SignedIn {
  if (!request.user || !request.reader) throw new CablegramError("UNAUTHENTICATED");
  return {
    user: request.user,
    reader: request.reader,
    actor: { userId: request.user.id, username: request.user.username },
  };
}

function bearerOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1] ?? null;
}

function isPublic(request: FastifyRequest): boolean {
  // An unmatched request reaches only the not-found handler, which answers 404 and reveals nothing.
  return request.is404 || request.routeOptions.config?.public === true;
}

/**
 * Marks every route registered in `scope` public, for plugins that register routes of their own without a way to
 * pass their configuration (the API docs, the web app's static files). Register the plugin inside the scope.
 * @example await app.register(async (scope) => { markRoutesPublic(scope); await scope.register(fastifySwaggerUi) })
 */
export function markRoutesPublic(scope: FastifyInstance): void {
  scope.addHook("onRoute", (route) => {
    route.config = { ...route.config, public: true };
  });
}

/**
 * Who the request's bearer token or session cookie belongs to now (null: nobody, or a session ended or expired),
 * and when the session ends. A bearer token wins over a cookie; a bad one throws UNAUTHENTICATED. Asked again by
 * requests that last (a live event stream), so that what a session may see ends with the session.
 * @example const { user } = await askerOf(deps, request)
 */
export async function askerOf(
  deps: Deps,
  request: FastifyRequest,
): Promise<{ user: User | null; sessionExpiresAt: string | null }> {
  const bearer = bearerOf(request);
  const cookie = request.cookies[SESSION_COOKIE];
  const session = !bearer && cookie ? await sessionOf(deps, cookie) : null;
  const user = bearer ? await userOfToken(deps, bearer) : (session?.user ?? null);
  if (bearer && !user) throw new CablegramError("UNAUTHENTICATED", "The API token is not valid (revoked or mistyped).");
  return { user, sessionExpiresAt: session?.expiresAt ?? null };
}

/**
 * Installs the hook. A bearer token wins over a cookie; a bad token is 401 even with a good cookie, so a script
 * with a revoked token fails loudly instead of borrowing a browser's session.
 * @example installAuthentication(app, deps)
 */
export function installAuthentication(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest("user", null);
  app.decorateRequest("reader", null);
  app.decorateRequest("sessionExpiresAt", null);
  app.addHook("onRequest", async (request: FastifyRequest, _reply: FastifyReply) => {
    const { user, sessionExpiresAt } = await askerOf(deps, request);
    request.sessionExpiresAt = sessionExpiresAt;
    request.user = user;
    request.reader = user ? readerOf(user) : null;
    if (isPublic(request)) return;
    if (!user) throw new CablegramError("UNAUTHENTICATED");
    const role = request.routeOptions.config?.role;
    if (role && !hasRole(user, role)) {
      throw new CablegramError("FORBIDDEN", `This needs the ${role} role.`, { role });
    }
  });
}
