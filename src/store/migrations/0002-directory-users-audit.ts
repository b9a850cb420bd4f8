// Migration 0002: directory, users, sessions, API tokens, sign-in throttling, instance state and the audit log.
import type { Kysely } from "kysely";
import type { Dialect } from "../open-store.ts";

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("posts")
    .addColumn("name", "text", (c) => c.primaryKey())
    // Not unique: USEU BRUSSELS numbers its traffic as BRUSSELS, like the embassy.
    .addColumn("station", "text")
    .addColumn("routing_indicator", "text")
    .addColumn("country", "text")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("time_zone", "text")
    .execute();
  await db.schema.createIndex("posts_station").on("posts").column("station").execute();
  await db.schema
    .createTable("offices")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("name", "text")
    .addColumn("post", "text", (c) => c.references("posts.name").onDelete("set null"))
    .execute();
  await db.schema
    .createTable("collectives")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("routing_indicator", "text")
    .execute();
  await db.schema
    .createTable("collective_members")
    .addColumn("collective", "text", (c) => c.notNull().references("collectives.name").onDelete("cascade"))
    .addColumn("post", "text", (c) => c.notNull().references("posts.name").onDelete("cascade"))
    .addPrimaryKeyConstraint("collective_members_pk", ["collective", "post"])
    .execute();
  await db.schema.createIndex("collective_members_post").on("collective_members").column("post").execute();

  await db.schema
    .createTable("users")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("username", "text", (c) => c.notNull().unique())
    .addColumn("clearance", "text", (c) => c.notNull())
    .addColumn("accesses", "text", (c) => c.notNull())
    .addColumn("lists", "text", (c) => c.notNull())
    .addColumn("roles", "text", (c) => c.notNull())
    .addColumn("post", "text")
    .addColumn("offices", "text", (c) => c.notNull())
    .addColumn("password_hash", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("sessions")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();
  await db.schema
    .createTable("api_tokens")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_used_at", "text")
    .execute();
  await db.schema.createIndex("api_tokens_user").on("api_tokens").column("user_id").execute();
  await db.schema
    .createTable("sign_in_failures")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("failures", "integer", (c) => c.notNull())
    .addColumn("first_at", "text", (c) => c.notNull())
    .addColumn("locked_until", "text")
    .execute();
  await db.schema
    .createTable("instance_state")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", dialect === "postgres" ? "serial" : "integer", (c) =>
      dialect === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("user_id", "text")
    .addColumn("username", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("target", "text")
    .addColumn("result_count", "integer")
    .addColumn("detail", "text")
    .execute();
  await db.schema.createIndex("audit_log_at").on("audit_log").column("at").execute();
  await db.schema.createIndex("audit_log_user_at").on("audit_log").columns(["username", "at"]).execute();
  await db.schema.createIndex("audit_log_action_at").on("audit_log").columns(["action", "at"]).execute();
}
