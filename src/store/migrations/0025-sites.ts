// Migration 0025: sites (issue 19). The node's plan of sites, the copies it sends to other sites (the cross-site
// outbox, written in the release transaction, with where each copy has got to), and the copies it has received.
import type { Kysely } from "kysely";
import type { Dialect } from "../open-store.ts";

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("sites")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("hq", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("here", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("stations", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("site_copies")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("cable_id", "text", (c) => c.notNull())
    .addColumn("site", "text", (c) => c.notNull())
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("precedence", "text", (c) => c.notNull())
    .addColumn("rank", "integer", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("attempt", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("queued_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .addColumn("stored_at", "text")
    .addColumn("delivered_at", "text")
    .addColumn("acked_at", "text")
    .addColumn("acked_by", "text")
    .addColumn("cancelled_at", "text")
    .addColumn("cancelled_by", "text")
    .addColumn("last_error", "text")
    // One copy per cable and destination site, whatever a resend or a crash does.
    .addUniqueConstraint("site_copies_once", ["cable_id", "site"])
    .execute();
  await db.schema.createIndex("site_copies_outbox").on("site_copies").columns(["state", "rank", "queued_at"]).execute();
  await db.schema.createIndex("site_copies_channel").on("site_copies").columns(["site", "seq"]).execute();
  await db.schema
    .createTable("site_arrivals")
    .addColumn("cable_id", "text", (c) => c.notNull())
    .addColumn("origin", "text", (c) => c.notNull())
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("precedence", "text", (c) => c.notNull())
    .addColumn("stored_at", "text", (c) => c.notNull())
    .addColumn("arrival", "integer", (c) => c.notNull())
    .addColumn("reported", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("site_arrivals_once", ["cable_id", "origin"])
    .execute();
  await db.schema.createIndex("site_arrivals_channel").on("site_arrivals").columns(["origin", "seq"]).execute();
  await db.schema.createIndex("site_arrivals_reported").on("site_arrivals").columns(["reported"]).execute();
}
