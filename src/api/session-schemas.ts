// The session resource: signing in, and who is signed in until when.
import { z } from "zod";
import { UserSchema } from "./user-schemas.ts";

/** Sign-in: a username and a password. */
export const SignInBodySchema = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(1024),
});

/** The signed-in user's session: who they are and when the session ends (null for API tokens). */
export const SessionSchema = z.object({ user: UserSchema, expiresAt: z.string().nullable() }).meta({ id: "Session" });
