// Users and their API tokens as the API takes and shows them; never a password hash, a token's secret only once.
import { z } from "zod";
import { CLASSIFICATIONS } from "../core/index.ts";
import { ROLES } from "../core/roles.ts";

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
    /** Where notifications are mailed when the server has SMTP configured; null for none. */
    email: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "User" });

/** What can be set on a user, creating or changing one; the users service normalises and checks each field. */
export const UserFieldsBodySchema = z.object({
  clearance: z.string().optional(),
  accesses: z.array(z.string()).optional(),
  lists: z.array(z.string()).optional(),
  roles: z.array(z.enum(ROLES)).optional(),
  post: z.string().nullable().optional(),
  offices: z.array(z.string()).optional(),
  /** An e-mail address for notifications; null or "" removes it. */
  email: z.string().max(320).nullable().optional(),
});

/** An API token without its secret. */
export const ApiTokenSchema = z
  .object({ id: z.string(), label: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable() })
  .meta({ id: "ApiToken" });

/** A freshly minted API token: the only time its secret is shown. */
export const NewApiTokenSchema = ApiTokenSchema.extend({ token: z.string() }).meta({ id: "NewApiToken" });

/** What lifting a user's sign-in throttles did: how many addresses were waiting. */
export const LiftedThrottleSchema = z
  .object({ username: z.string(), addresses: z.number().int() })
  .meta({ id: "LiftedThrottle" });
