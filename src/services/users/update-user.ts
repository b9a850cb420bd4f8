// Changes a user's clearance, accesses, lists, roles, home post, offices or e-mail address.
import type { Deps } from "../clock.ts";
import { parseInput } from "../parse-input.ts";
import { requireUser } from "./find-user.ts";
import { resolveHomePost } from "./resolve-home-post.ts";
import { listColumn, userFromRow } from "./user-rows.ts";
import { UserFieldsSchema, type User, type UserFields } from "./user-schema.ts";
import { assertAdmin, type Acting } from "../acting.ts";

const PatchSchema = UserFieldsSchema.partial();

/**
 * Applies a patch to a user; fields left out keep their value, lists are replaced whole. Signed-in sessions see
 * the change on their next request (the reader is built per request).
 * For an administrator or the system only (FORBIDDEN for anyone else).
 * @example await updateUser(deps, admin, "alice", { clearance: "TOP SECRET", accesses: ["NOFORN"] })
 */
export async function updateUser(
  { store, clock }: Deps,
  by: Acting,
  username: string,
  patch: Partial<UserFields>,
): Promise<User> {
  assertAdmin(by, "changing a user");
  const changes = parseInput(PatchSchema, patch, "user");
  const user = await requireUser(store, username);
  const set: Record<string, string | null> = { updated_at: clock.now().toISOString() };
  if (changes.clearance !== undefined) set.clearance = changes.clearance;
  if (changes.accesses !== undefined) set.accesses = listColumn(changes.accesses);
  if (changes.lists !== undefined) set.lists = listColumn(changes.lists);
  if (changes.roles !== undefined) set.roles = listColumn(changes.roles);
  if (changes.offices !== undefined) set.offices = listColumn(changes.offices);
  if (changes.post !== undefined) set.post = await resolveHomePost(store, changes.post);
  if (changes.email !== undefined) set.email = changes.email;
  await store.db.updateTable("users").set(set).where("id", "=", user.id).execute();
  const row = await store.db.selectFrom("users").selectAll().where("id", "=", user.id).executeTakeFirstOrThrow();
  return userFromRow(row);
}
