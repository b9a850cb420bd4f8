// API tokens for scripts: minted for a user, shown once, stored hashed, sent as `Authorization: Bearer ...`.
import { randomUUID } from "node:crypto";
import type { Deps } from "../clock.ts";
import { CablegramError } from "../errors.ts";
import { assertAdminOrSelf, type Acting } from "../acting.ts";
import { requireUser, userById } from "../users/find-user.ts";
import type { User } from "../users/user-schema.ts";
import { hashSecret, newSecret } from "./secret-token.ts";

/** Token secrets start with this, so secret scanners and people recognise a leaked one. */
export const TOKEN_PREFIX = "cgt_";

/** A token as lists show it: never the secret. */
export type ApiToken = { id: string; label: string; createdAt: string; lastUsedAt: string | null };

/**
 * Mints a token for a user. The secret is in the result only: it is not stored and cannot be shown again. The user
 * himself, an administrator or the system may (FORBIDDEN for anyone else).
 * @example const { token } = await mintToken(deps, admin, "alice", "nightly export") // token: "cgt_..."
 */
export async function mintToken(
  { store, clock }: Deps,
  by: Acting,
  username: string,
  label = "api",
): Promise<ApiToken & { token: string }> {
  assertAdminOrSelf(by, username, "minting another user's API token");
  const user = await requireUser(store, username);
  const token = newSecret(TOKEN_PREFIX);
  const row = {
    id: randomUUID(),
    user_id: user.id,
    token_hash: hashSecret(token),
    label: label.trim().slice(0, 100) || "api",
    created_at: clock.now().toISOString(),
    last_used_at: null,
  };
  await store.db.insertInto("api_tokens").values(row).execute();
  return { id: row.id, label: row.label, createdAt: row.created_at, lastUsedAt: null, token };
}

/** How stale a token's recorded last use may get: a script calling many times a second writes once a minute. */
const LAST_USE_GRAIN_MS = 60_000;

/**
 * The user a bearer token belongs to, or null; records when it was last used, to the minute.
 * @example await userOfToken(deps, "cgt_...")
 */
export async function userOfToken({ store, clock }: Deps, token: string): Promise<User | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const hash = hashSecret(token);
  const row = await store.db
    .selectFrom("api_tokens")
    .select(["id", "user_id", "last_used_at"])
    .where("token_hash", "=", hash)
    .executeTakeFirst();
  if (!row) return null;
  const now = clock.now();
  // Every authenticated request comes here: writing each time would queue a script's reads behind the writes.
  if (row.last_used_at === null || now.getTime() - Date.parse(row.last_used_at) >= LAST_USE_GRAIN_MS) {
    await store.db
      .updateTable("api_tokens")
      .set({ last_used_at: now.toISOString() })
      .where("id", "=", row.id)
      .execute();
  }
  return userById(store, row.user_id);
}

/**
 * A user's tokens, newest first, without their secrets, for the user, an administrator or the system (FORBIDDEN
 * for anyone else).
 * @example await listTokens(deps, admin, "alice") // [{ id: "…", label: "nightly export", ... }]
 */
export async function listTokens({ store }: Pick<Deps, "store">, by: Acting, username: string): Promise<ApiToken[]> {
  assertAdminOrSelf(by, username, "listing another user's API tokens");
  const user = await requireUser(store, username);
  const rows = await store.db
    .selectFrom("api_tokens")
    .select(["id", "label", "created_at", "last_used_at"])
    .where("user_id", "=", user.id)
    .orderBy("created_at", "desc")
    .execute();
  return rows.map((r) => ({ id: r.id, label: r.label, createdAt: r.created_at, lastUsedAt: r.last_used_at }));
}

/**
 * Revokes one of a user's tokens by id; INVALID_INPUT when the user has no such token. The user, an administrator
 * or the system may (FORBIDDEN for anyone else).
 * @example await revokeToken(deps, admin, "alice", tokenId)
 */
export async function revokeToken(
  { store }: Pick<Deps, "store">,
  by: Acting,
  username: string,
  id: string,
): Promise<void> {
  assertAdminOrSelf(by, username, "revoking another user's API token");
  const user = await requireUser(store, username);
  const result = await store.db
    .deleteFrom("api_tokens")
    .where("id", "=", id)
    .where("user_id", "=", user.id)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) {
    throw new CablegramError("INVALID_INPUT", `User ${user.username} has no token ${JSON.stringify(id)}.`);
  }
}
