// Migration 0030: one store of notifications for every kind (issue 17 item 7): clearances asked and decided,
// releases, NIACT alerts that reached nobody, and the saved-search matches that migration 0024 kept apart in
// search_notices (moved here, and that table dropped). Users get an optional e-mail address, so a notification can
// also be mailed where SMTP is configured; a drafter's drafts are found by drafter (My drafts, Sent).
import { sql, type Kysely } from "kysely";
import type { Dialect } from "../open-store.ts";

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable("users").addColumn("email", "text").execute();
  await db.schema
    .createTable("notifications")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    // What it is about: a draft (clearance kinds) or an archived cable; listing checks the user may see it now.
    .addColumn("draft_id", "text")
    .addColumn("cable_id", "text")
    .addColumn("search_id", "text", (c) => c.references("saved_searches.id").onDelete("cascade"))
    // Who did it (a username) and what they said (an objection's comment).
    .addColumn("actor", "text")
    .addColumn("comment", "text")
    // JSON: the kind's particulars (the clearer asked, the posts an alert reached nobody at).
    .addColumn("detail", "text")
    // A notification is left once per event, however often the event is told (a release and an import racing).
    .addColumn("once_key", "text", (c) => c.notNull().unique())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("read_at", "text")
    // E-mail: when it was sent, or the last error and how many tries (a failure never fails what caused it).
    .addColumn("emailed_at", "text")
    .addColumn("email_error", "text")
    .addColumn("email_attempts", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex("notifications_of_user").on("notifications").columns(["user_id", "at"]).execute();
  // A drafter's own drafts and sent cables (My drafts, Sent).
  await db.schema.createIndex("drafts_of_drafter").on("drafts").columns(["created_by", "status"]).execute();
  await sql`
    INSERT INTO notifications (id, user_id, kind, cable_id, search_id, once_key, at, read_at, email_attempts)
    SELECT id, user_id, 'search.matched', cable_id, search_id, 'search:' || search_id || ':' || cable_id, at, read_at, 0
    FROM search_notices`.execute(db);
  await db.schema.dropTable("search_notices").execute();
}
