// Browser sessions: created at sign-in, found by the cookie's secret (stored hashed), ended at sign-out or expiry.
import { preparedQuery } from "../../store/prepared-query.ts";
import type { Deps } from "../clock.ts";
import { userById } from "../users/find-user.ts";
import type { User } from "../users/user-schema.ts";
import { hashSecret, newSecret } from "./secret-token.ts";

/** How long a session lasts after sign-in: a working day. */
export const SESSION_TTL_MS = 12 * 60 * 60_000;

/** A new session: the secret for the cookie (never stored) and when it expires. */
export type NewSession = { token: string; expiresAt: Date };

/**
 * Opens a session for a user and returns its secret, to be set as the session cookie.
 * @example const { token, expiresAt } = await createSession(deps, user.id)
 */
export async function createSession({ store, clock }: Deps, userId: string): Promise<NewSession> {
  const token = newSecret();
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await store.db
    .insertInto("sessions")
    .values({
      token_hash: hashSecret(token),
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
    })
    .execute();
  // Housekeeping on the way: expired sessions are worthless, so they go whenever a new one comes.
  await store.db.deleteFrom("sessions").where("expires_at", "<=", now.toISOString()).execute();
  return { token, expiresAt };
}

// Every request signed in by cookie asks this: compiled once.
const sessionByHash = preparedQuery((db, hash: string) =>
  db.selectFrom("sessions").select(["user_id", "expires_at"]).where("token_hash", "=", hash),
);

/**
 * The user a session cookie belongs to and when the session ends, or null when it is unknown or expired.
 * @example (await sessionOf(deps, request.cookies.cablegram_session))?.user.username // "alice"
 */
export async function sessionOf(
  { store, clock }: Deps,
  token: string,
): Promise<{ user: User; expiresAt: string } | null> {
  const [row] = (await sessionByHash(store.db, hashSecret(token))).rows;
  if (!row || new Date(row.expires_at) <= clock.now()) return null;
  const user = await userById(store, row.user_id);
  return user ? { user, expiresAt: row.expires_at } : null;
}

/**
 * Ends a session (sign-out). Unknown secrets are ignored: signing out twice is no error.
 * @example await endSession(deps, token)
 */
export async function endSession({ store }: Pick<Deps, "store">, token: string): Promise<void> {
  await store.db.deleteFrom("sessions").where("token_hash", "=", hashSecret(token)).execute();
}
