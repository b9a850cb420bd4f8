// Migration 0006: saved searches, a user's named queries (they follow the user from browser to browser).
import type { Kysely } from "kysely";
import type { Dialect } from "../open-store.ts";

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("saved_searches")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    // The name folded to lower case: "Kosovo" and "kosovo" are one name. Folded in code, so both dialects agree.
    .addColumn("name_key", "text", (c) => c.notNull())
    .addColumn("query", "text", (c) => c.notNull())
    .addColumn("sort", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    // Also the index the user's list is read by.
    .addUniqueConstraint("saved_searches_name_once", ["user_id", "name_key"])
    .execute();
}
