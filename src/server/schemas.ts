// Response shapes of the API as zod schemas: they validate what goes out and describe it in the OpenAPI document.
import { z } from "zod";
import { CLASSIFICATIONS } from "../core/index.ts";
import { ROLES } from "../services/users/user-schema.ts";

/** An error answer (RFC 9457 problem details), with extension members such as `issues` or `retryAfter`. */
export const ProblemSchema = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    instance: z.string(),
  })
  .meta({ id: "Problem" });

/** The client-error answers every route may give, for the OpenAPI document. */
export const PROBLEMS = { "4xx": ProblemSchema } as const;

/** A user as the API shows them: access attributes and roles, never a password hash. */
export const UserSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    clearance: z.enum(CLASSIFICATIONS),
    accesses: z.array(z.string()),
    lists: z.array(z.string()),
    roles: z.array(z.enum(ROLES)),
    post: z.string().nullable(),
    offices: z.array(z.string()),
    hasPassword: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "User" });

/** The signed-in user's session: who they are and when the session ends (null for API tokens). */
export const SessionSchema = z.object({ user: UserSchema, expiresAt: z.string().nullable() }).meta({ id: "Session" });

/** An API token without its secret. */
export const ApiTokenSchema = z
  .object({ id: z.string(), label: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable() })
  .meta({ id: "ApiToken" });

/** A freshly minted API token: the only time its secret is shown. */
export const NewApiTokenSchema = ApiTokenSchema.extend({ token: z.string() }).meta({ id: "NewApiToken" });

/** One audit entry. */
export const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    userId: z.string().nullable(),
    username: z.string().nullable(),
    action: z.string(),
    target: z.string().nullable(),
    resultCount: z.number().int().nullable(),
    detail: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: "AuditEntry" });
