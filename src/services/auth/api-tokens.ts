// API tokens for scripts: minted for a user, shown once, stored hashed, sent as `Authorization: Bearer ...`.
import { randomUUID } from "node:crypto";
import type { Deps } from "../clock.ts";
import { CablegramError } from "../errors.ts";
import { requireUser, userById } from "../users/find-user.ts";
import type { User } from "../users/user-schema.ts";
import { hashSecret, newSecret } from "./secret-token.ts";

/** Token secrets start with this, so secret scanners and people recognise a leaked one. */
export const TOKEN_PREFIX = "cgt_";

/** A token as lists show it: never the secret. */
export type ApiToken = { id: string; label: string; createdAt: string; lastUsedAt: string | null };

/**
 * Mints a token for a user. The secret is in the result only: it is not stored and cannot be shown again.
 * @example const { token } = await mintToken(deps, "alice", "nightly export") // token: "cgt_..."
 */
export async function mintToken(
  { store, clock }: Deps,
  username: string,
  label = "api",
): Promise<ApiToken & { token: string }> {
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

/**
 * The user a bearer token belongs to, or null; records when it was last used.
 * @example await userOfToken(deps, "cgt_...")
 */
export async function userOfToken({ store, clock }: Deps, token: string): Promise<User | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const hash = hashSecret(token);
  const row = await store.db
    .selectFrom("api_tokens")
    .select(["id", "user_id"])
    .where("token_hash", "=", hash)
    .executeTakeFirst();
  if (!row) return null;
  await store.db
    .updateTable("api_tokens")
    .set({ last_used_at: clock.now().toISOString() })
    .where("id", "=", row.id)
    .execute();
  return userById(store, row.user_id);
}

/**
 * A user's tokens, newest first, without their secrets.
 * @example await listTokens(store, "alice") // [{ id: "…", label: "nightly export", ... }]
 */
export async function listTokens({ store }: Pick<Deps, "store">, username: string): Promise<ApiToken[]> {
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
 * Revokes one of a user's tokens by id; INVALID_INPUT when the user has no such token.
 * @example await revokeToken(deps, "alice", tokenId)
 */
export async function revokeToken({ store }: Pick<Deps, "store">, username: string, id: string): Promise<void> {
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
