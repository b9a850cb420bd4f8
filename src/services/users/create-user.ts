// Creates a user with a clearance, accesses, roles, a home post and offices, and optionally a password.
import { randomUUID } from "node:crypto";
import type { Deps } from "../clock.ts";
import { CablegramError } from "../errors.ts";
import { parseInput } from "../parse-input.ts";
import { hashPassword } from "./password-hash.ts";
import { findUser } from "./find-user.ts";
import { resolveHomePost } from "./resolve-home-post.ts";
import { listColumn, userFromRow } from "./user-rows.ts";
import { NewUserSchema, type NewUser, type User } from "./user-schema.ts";
import { assertAdmin, type Acting } from "../acting.ts";

/**
 * Creates a user. Defaults: UNCLASSIFIED, no accesses or lists, role `reader`, no post, no offices, no password
 * (such a user signs in with API tokens only). USER_EXISTS when the name is taken, POST_NOT_FOUND when the home
 * post is not in the directory, INVALID_INPUT for malformed fields.
 * For an administrator or the system only (FORBIDDEN for anyone else).
 * @example await createUser(deps, admin, { username: "alice", clearance: "SECRET", roles: ["reader", "drafter"], post: "STATE", password: "long enough" })
 */
export async function createUser({ store, clock }: Deps, by: Acting, input: NewUser): Promise<User> {
  assertAdmin(by, "creating a user");
  const fields = parseInput(NewUserSchema, input, "user");
  if (await findUser(store, fields.username)) {
    throw new CablegramError("USER_EXISTS", `A user named ${fields.username} exists already.`);
  }
  const post = await resolveHomePost(store, fields.post);
  const passwordHash = fields.password ? await hashPassword(fields.password) : null;
  const now = clock.now().toISOString();
  const row = {
    id: randomUUID(),
    username: fields.username,
    clearance: fields.clearance ?? "UNCLASSIFIED",
    accesses: listColumn(fields.accesses ?? []),
    lists: listColumn(fields.lists ?? []),
    roles: listColumn(fields.roles ?? ["reader"]),
    post,
    offices: listColumn(fields.offices ?? []),
    password_hash: passwordHash,
    email: fields.email ?? null,
    created_at: now,
    updated_at: now,
  };
  await store.db.insertInto("users").values(row).execute();
  return userFromRow(row);
}
