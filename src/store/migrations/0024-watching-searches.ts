// Migration 0024: a saved search can watch for new cables (issue 17 item 16), and the notices it leaves its owner.
// The notices are kept apart from any other notification, in one small table (search_notices), so that they can
// join a general notifications table without touching the watch itself.
import type { Kysely } from "kysely";
import type { Dialect } from "../open-store.ts";

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .alterTable("saved_searches")
    .addColumn("watch", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  // Few searches watch: the check after every release and import reads only those.
  await db.schema.createIndex("saved_searches_watching").on("saved_searches").column("watch").execute();
  await db.schema
    .createTable("search_notices")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("search_id", "text", (c) => c.notNull().references("saved_searches.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("cable_id", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("read_at", "text")
    // A cable is news to a search once, whether a release or an import (or both, racing) tells of it.
    .addUniqueConstraint("search_notices_once", ["search_id", "cable_id"])
    .execute();
  await db.schema.createIndex("search_notices_of_user").on("search_notices").columns(["user_id", "at"]).execute();
}
