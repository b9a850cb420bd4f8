// Migration 0003: drafts, clearances, draft history, message counters, channel serials and the hash chain.
import type { Kysely } from "kysely";
import type { Dialect } from "../open-store.ts";

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("drafts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("origin_post", "text", (c) => c.notNull())
    .addColumn("model", "text", (c) => c.notNull())
    .addColumn("action_requests", "text", (c) => c.notNull())
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("reply_to", "text")
    .addColumn("supersedes", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("released_id", "text", (c) => c.unique())
    .addColumn("released_by", "text")
    .addColumn("released_at", "text")
    .execute();
  await db.schema.createIndex("drafts_status").on("drafts").columns(["status", "origin_post"]).execute();
  await db.schema
    .createTable("draft_clearances")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("draft_id", "text", (c) => c.notNull().references("drafts.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("clearer", "text", (c) => c.notNull())
    .addColumn("required", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("comment", "text")
    .addColumn("requested_by", "text", (c) => c.notNull())
    .addColumn("requested_at", "text", (c) => c.notNull())
    .addColumn("decided_by", "text")
    .addColumn("decided_at", "text")
    .addColumn("decided_revision", "integer")
    .execute();
  await db.schema.createIndex("draft_clearances_draft").on("draft_clearances").column("draft_id").execute();
  await db.schema.createIndex("draft_clearances_clearer").on("draft_clearances").columns(["kind", "clearer"]).execute();
  await db.schema
    .createTable("draft_events")
    .addColumn("id", dialect === "postgres" ? "serial" : "integer", (c) =>
      dialect === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn("draft_id", "text", (c) => c.notNull().references("drafts.id").onDelete("cascade"))
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("user_id", "text")
    .addColumn("username", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("detail", "text")
    .execute();
  await db.schema.createIndex("draft_events_draft").on("draft_events").column("draft_id").execute();
  await db.schema
    .createTable("message_counters")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("channel_serials")
    .addColumn("origin", "text", (c) => c.primaryKey())
    .addColumn("serials", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("chain_links")
    .addColumn("seq", "integer", (c) => c.primaryKey())
    .addColumn("cable_id", "text", (c) => c.notNull().unique())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("cable_hash", "text", (c) => c.notNull())
    .addColumn("prev_hash", "text", (c) => c.notNull())
    .addColumn("link_hash", "text", (c) => c.notNull())
    .addColumn("signature", "text", (c) => c.notNull())
    .addColumn("supersedes", "text")
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
}
