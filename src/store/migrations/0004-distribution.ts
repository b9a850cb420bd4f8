// Migration 0004: deliveries (the outbox), tasks, alerts and the duty roster.
import type { Kysely } from "kysely";
import type { Dialect } from "../open-store.ts";

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("deliveries")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("cable_id", "text", (c) => c.notNull())
    .addColumn("post", "text", (c) => c.notNull())
    .addColumn("station", "text")
    .addColumn("office", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("precedence", "text", (c) => c.notNull())
    .addColumn("rank", "integer", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("queued_at", "text", (c) => c.notNull())
    .addColumn("delivered_at", "text")
    .addColumn("due_at", "text")
    .addColumn("read_at", "text")
    .addColumn("read_by", "text")
    .addColumn("acked_at", "text")
    .addColumn("acked_by", "text")
    .addColumn("escalated_at", "text")
    .addColumn("slugged_from", "text")
    .addColumn("slugged_by", "text")
    .addColumn("routing_hint", "text")
    // One copy per cable, post and office, whatever retries or crashes happen.
    .addUniqueConstraint("deliveries_once", ["cable_id", "post", "office"])
    .execute();
  await db.schema.createIndex("deliveries_outbox").on("deliveries").columns(["state", "rank", "queued_at"]).execute();
  await db.schema
    .createIndex("deliveries_inbox")
    .on("deliveries")
    .columns(["post", "office", "delivered_at"])
    .execute();
  await db.schema.createIndex("deliveries_due").on("deliveries").columns(["acked_at", "due_at"]).execute();

  await db.schema
    .createTable("tasks")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("cable_id", "text", (c) => c.notNull())
    .addColumn("post", "text", (c) => c.notNull())
    .addColumn("station", "text")
    .addColumn("what", "text", (c) => c.notNull())
    .addColumn("due", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("reported_at", "text")
    .addColumn("reported_by_cable", "text")
    .addColumn("done_at", "text")
    .addColumn("done_by", "text")
    .addColumn("note", "text")
    .addUniqueConstraint("tasks_once", ["cable_id", "post", "what"])
    .execute();
  await db.schema.createIndex("tasks_station_cable").on("tasks").columns(["station", "cable_id"]).execute();

  await db.schema
    .createTable("alerts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("delivery_id", "text", (c) => c.notNull())
    .addColumn("cable_id", "text", (c) => c.notNull())
    .addColumn("post", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("precedence", "text", (c) => c.notNull())
    .addColumn("officer_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull())
    .addColumn("last_sent_at", "text")
    .addColumn("next_at", "text", (c) => c.notNull())
    .addColumn("last_error", "text")
    .addColumn("acked_at", "text")
    .addColumn("acked_by", "text")
    .addUniqueConstraint("alerts_once", ["delivery_id", "kind"])
    .execute();
  await db.schema.createIndex("alerts_due").on("alerts").columns(["acked_at", "next_at"]).execute();

  await db.schema
    .createTable("duty_officers")
    .addColumn("post", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text")
    .addColumn("webhook", "text")
    .addColumn("email", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
}
