// Sign-in, sign-out and "who am I": the session resource.
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { recordAudit } from "../../services/audit/record-audit.ts";
import { endSession } from "../../services/auth/sessions.ts";
import { signIn } from "../../services/auth/sign-in.ts";
import { isCablegramError } from "../../services/errors.ts";
import { SESSION_COOKIE, signedIn } from "../plugins/authenticate.ts";
import { PROBLEMS } from "../../api/problem-schemas.ts";
import { SessionSchema, SignInBodySchema } from "../../api/session-schemas.ts";
import { OwnEmailBodySchema } from "../../api/notification-schemas.ts";
import { setOwnEmail } from "../../services/users/set-own-email.ts";
import type { RouteOptions } from "./route-options.ts";

/** The session routes: POST (sign in), GET (who am I), PUT email (my e-mail address), DELETE (sign out). */
export const sessionRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps, secureCookies, signInLimit }) => {
  const setCookie = (reply: FastifyReply, token: string, expiresAt: Date) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: "/",
      httpOnly: true,
      sameSite: "strict",
      secure: secureCookies,
      expires: expiresAt,
    });

  app.post(
    "/api/session",
    {
      config: { public: true, rateLimit: signInLimit },
      schema: {
        operationId: "signIn",
        summary: "Sign in with a username and password; sets the session cookie",
        tags: ["session"],
        security: [],
        body: SignInBodySchema,
        response: { 200: SessionSchema, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      try {
        const { user, session } = await signIn(deps, { username, password, ip: request.ip });
        setCookie(reply, session.token, session.expiresAt);
        await recordAudit(deps, {
          actor: { userId: user.id, username: user.username },
          action: "session.create",
          detail: { ip: request.ip },
        });
        return { user, expiresAt: session.expiresAt.toISOString() };
      } catch (error) {
        if (isCablegramError(error)) {
          const actor = { userId: null, username: null };
          await recordAudit(deps, {
            actor,
            action: "session.fail",
            target: username.trim().toLowerCase(),
            detail: { ip: request.ip, code: error.code },
          });
        }
        throw error;
      }
    },
  );

  app.get(
    "/api/session",
    {
      schema: {
        operationId: "getSession",
        summary: "The signed-in user",
        tags: ["session"],
        response: { 200: SessionSchema, ...PROBLEMS },
      },
    },
    async (request) => {
      const { user } = signedIn(request);
      return { user, expiresAt: request.sessionExpiresAt };
    },
  );

  app.get(
    "/api/session/current",
    {
      config: { public: true },
      schema: {
        operationId: "getCurrentSession",
        summary: "The session if there is one: null when nobody is signed in (never 401)",
        description:
          "For a browser app deciding at load whether to show sign-in: unlike GET /api/session it answers 200 " +
          "either way, so no failed request is logged.",
        tags: ["session"],
        response: { 200: z.object({ session: SessionSchema.nullable() }), ...PROBLEMS },
      },
    },
    async (request) => ({
      session: request.user ? { user: request.user, expiresAt: request.sessionExpiresAt } : null,
    }),
  );

  app.put(
    "/api/session/email",
    {
      schema: {
        operationId: "setOwnEmail",
        summary: "Set or remove your e-mail address, where your notifications are mailed when SMTP is configured",
        tags: ["session"],
        body: OwnEmailBodySchema,
        response: { 200: SessionSchema, ...PROBLEMS },
      },
    },
    async (request) => {
      const { user: me, actor } = signedIn(request);
      const user = await setOwnEmail(deps, me, request.body.email);
      await recordAudit(deps, { actor, action: "user.update", target: user.username, detail: { fields: ["email"] } });
      return { user, expiresAt: request.sessionExpiresAt };
    },
  );

  app.delete(
    "/api/session",
    {
      config: { public: true },
      schema: {
        operationId: "signOut",
        summary: "Sign out: ends the session and clears the cookie",
        tags: ["session"],
        response: { 204: z.null(), ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await endSession(deps, token);
      reply.clearCookie(SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "strict", secure: secureCookies });
      return reply.code(204).send(null);
    },
  );
};
