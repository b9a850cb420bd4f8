// User administration (admins only): accounts, passwords and API tokens. Every change is audited.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { recordAudit } from "../../services/audit/record-audit.ts";
import { listTokens, mintToken, revokeToken } from "../../services/auth/api-tokens.ts";
import { createUser, listUsers, removeUser, requireUser, setPassword, updateUser } from "../../services/users/index.ts";
import { unthrottleUser } from "../../services/auth/index.ts";
import { signedIn } from "../plugins/authenticate.ts";
import { PROBLEMS } from "../../api/problem-schemas.ts";
import {
  ApiTokenSchema,
  LiftedThrottleSchema,
  NewApiTokenSchema,
  UserFieldsBodySchema,
  UserSchema,
} from "../../api/user-schemas.ts";
import type { RouteOptions } from "./route-options.ts";

const admin = { role: "admin" } as const;
const tags = ["users"];
const UsernameParams = z.object({ username: z.string().min(1) });

/** User routes under /api/users. */
export const userRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const { store } = deps;

  app.get(
    "/api/users",
    {
      config: admin,
      schema: {
        operationId: "listUsers",
        summary: "Users (admin)",
        tags,
        response: { 200: z.array(UserSchema), ...PROBLEMS },
      },
    },
    async () => listUsers(store),
  );
  app.get(
    "/api/users/:username",
    {
      config: admin,
      schema: {
        operationId: "getUser",
        summary: "One user (admin)",
        tags,
        params: UsernameParams,
        response: { 200: UserSchema, ...PROBLEMS },
      },
    },
    async (request) => requireUser(store, request.params.username),
  );
  app.post(
    "/api/users",
    {
      config: admin,
      schema: {
        operationId: "createUser",
        summary: "Create a user (admin); without a password the user signs in with API tokens only",
        tags,
        body: UserFieldsBodySchema.extend({ username: z.string(), password: z.string().nullable().optional() }),
        response: { 201: UserSchema, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const { user: by, actor } = signedIn(request);
      const user = await createUser(deps, by, request.body);
      await recordAudit(deps, { actor, action: "user.create", target: user.username });
      return reply.code(201).send(user);
    },
  );
  app.patch(
    "/api/users/:username",
    {
      config: admin,
      schema: {
        operationId: "updateUser",
        summary: "Change a user (admin); a password here replaces theirs and ends their sessions",
        tags,
        params: UsernameParams,
        body: UserFieldsBodySchema.extend({ password: z.string().nullable().optional() }),
        response: { 200: UserSchema, ...PROBLEMS },
      },
    },
    async (request) => {
      const { user: by, actor } = signedIn(request);
      const { password, ...fields } = request.body;
      const changed = Object.keys(fields).filter((k) => fields[k as keyof typeof fields] !== undefined);
      let user = await requireUser(store, request.params.username);
      if (changed.length > 0) {
        user = await updateUser(deps, by, user.username, fields);
        await recordAudit(deps, { actor, action: "user.update", target: user.username, detail: { fields: changed } });
      }
      if (password !== undefined) {
        user = await setPassword(deps, by, user.username, password);
        await recordAudit(deps, { actor, action: "user.password", target: user.username });
      }
      return user;
    },
  );
  app.delete(
    "/api/users/:username",
    {
      config: admin,
      schema: {
        operationId: "deleteUser",
        summary: "Remove a user (admin)",
        tags,
        params: UsernameParams,
        response: { 200: UserSchema, ...PROBLEMS },
      },
    },
    async (request) => {
      const { user: by, actor } = signedIn(request);
      const user = await removeUser(store, by, request.params.username);
      await recordAudit(deps, { actor, action: "user.remove", target: user.username });
      return user;
    },
  );

  app.delete(
    "/api/users/:username/sign-in-throttle",
    {
      config: admin,
      schema: {
        operationId: "liftSignInThrottle",
        summary: "Lift a user's sign-in throttles from every address, so they may sign in at once (admin)",
        tags,
        params: UsernameParams,
        response: { 200: LiftedThrottleSchema, ...PROBLEMS },
      },
    },
    async (request) => {
      const { user: by, actor } = signedIn(request);
      const { user, addresses } = await unthrottleUser(deps, by, request.params.username);
      await recordAudit(deps, { actor, action: "user.unthrottle", target: user.username, detail: { addresses } });
      return { username: user.username, addresses };
    },
  );

  app.get(
    "/api/users/:username/tokens",
    {
      config: admin,
      schema: {
        operationId: "listApiTokens",
        summary: "A user's API tokens, without secrets (admin)",
        tags,
        params: UsernameParams,
        response: { 200: z.array(ApiTokenSchema), ...PROBLEMS },
      },
    },
    async (request) => listTokens(deps, signedIn(request).user, request.params.username),
  );
  app.post(
    "/api/users/:username/tokens",
    {
      config: admin,
      schema: {
        operationId: "createApiToken",
        summary: "Mint an API token (admin); its secret is in this answer only",
        tags,
        params: UsernameParams,
        body: z.object({ label: z.string().max(100).optional() }).optional(),
        response: { 201: NewApiTokenSchema, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const { user: by, actor } = signedIn(request);
      const token = await mintToken(deps, by, request.params.username, request.body?.label);
      await recordAudit(deps, {
        actor,
        action: "token.mint",
        target: request.params.username,
        detail: { tokenId: token.id },
      });
      return reply.code(201).send(token);
    },
  );
  app.delete(
    "/api/users/:username/tokens/:id",
    {
      config: admin,
      schema: {
        operationId: "revokeApiToken",
        summary: "Revoke an API token (admin)",
        tags,
        params: UsernameParams.extend({ id: z.string().min(1) }),
        response: { 204: z.null(), ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const { user: by, actor } = signedIn(request);
      await revokeToken(deps, by, request.params.username, request.params.id);
      await recordAudit(deps, {
        actor,
        action: "token.revoke",
        target: request.params.username,
        detail: { tokenId: request.params.id },
      });
      return reply.code(204).send(null);
    },
  );
};
