// Migration 0019: positions a cable's text suggests, each with its status (open, confirmed, dismissed), so that a
// person's decision stays with the suggestion; the cables already read for suggestions, so a cable is read once;
// and a draft's position report (a reply's structured answer), recorded as a position event when it is released.
import type { Kysely } from "kysely";
import type { Dialect } from "../open-store.ts";

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("position_suggestions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("cable_id", "text", (c) => c.notNull())
    .addColumn("paragraph", "integer", (c) => c.notNull())
    .addColumn("ordinal", "integer", (c) => c.notNull())
    .addColumn("country", "text", (c) => c.notNull())
    .addColumn("stance", "text", (c) => c.notNull())
    .addColumn("hedged", "integer", (c) => c.notNull())
    .addColumn("sentence", "text", (c) => c.notNull())
    .addColumn("mention", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("decided_by", "text")
    .addColumn("decided_at", "text")
    .addColumn("campaign_id", "text")
    .addColumn("event_id", "text")
    .addUniqueConstraint("position_suggestions_one", ["cable_id", "paragraph", "country", "stance"])
    .execute();
  await db.schema.createIndex("position_suggestions_cable").on("position_suggestions").column("cable_id").execute();
  await db.schema
    .createTable("suggestion_scans")
    .addColumn("cable_id", "text", (c) => c.primaryKey())
    .addColumn("scanned_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.alterTable("drafts").addColumn("position_report", "text").execute();
}
