// Finds users by name or id.
import type { Store } from "../../store/open-store.ts";
import { preparedQuery } from "../../store/prepared-query.ts";
import { CablegramError } from "../errors.ts";
import { userFromRow } from "./user-rows.ts";
import type { User } from "./user-schema.ts";

/**
 * The user with that name (any case), or null.
 * @example (await findUser(store, "Admin"))?.username // "admin"
 */
export async function findUser(store: Store, username: string): Promise<User | null> {
  const row = await store.db
    .selectFrom("users")
    .selectAll()
    .where("username", "=", username.trim().toLowerCase())
    .executeTakeFirst();
  return row ? userFromRow(row) : null;
}

/**
 * The user with that name, or USER_NOT_FOUND.
 * @example await requireUser(store, "nobody") // throws USER_NOT_FOUND
 */
export async function requireUser(store: Store, username: string): Promise<User> {
  const user = await findUser(store, username);
  if (!user) throw new CablegramError("USER_NOT_FOUND", `No user named ${JSON.stringify(username)}.`);
  return user;
}

// Every signed-in request reads its user: compiled once.
const userRowById = preparedQuery((db, id: string) => db.selectFrom("users").selectAll().where("id", "=", id));

/**
 * The user with that id, or null (sessions and tokens refer to users by id).
 * @example await userById(store, session.userId)
 */
export async function userById(store: Store, id: string): Promise<User | null> {
  const [row] = (await userRowById(store.db, id)).rows;
  return row ? userFromRow(row) : null;
}
