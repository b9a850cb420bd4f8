// Migration 0018: campaigns, their questions, and position events with the locks the access rule reads in SQL
// (class_rank, needs_access, captioned, and the side tables of caveats and grants, as cables have them); and the
// tie from a task (an action request's addressee) to the campaign question it asks about.
import type { Kysely } from "kysely";
import type { Dialect } from "../open-store.ts";

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("campaigns")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("objective", "text", (c) => c.notNull())
    .addColumn("office", "text")
    .addColumn("tags", "text", (c) => c.notNull())
    .addColumn("starts_on", "text", (c) => c.notNull())
    .addColumn("ends_on", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("campaign_questions")
    .addColumn("campaign_id", "text", (c) => c.notNull().references("campaigns.id").onDelete("cascade"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("ordinal", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("positions", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("campaign_questions_pk", ["campaign_id", "id"])
    .execute();
  await db.schema
    .createTable("position_events")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("campaign_id", "text", (c) => c.notNull().references("campaigns.id").onDelete("cascade"))
    .addColumn("question_id", "text", (c) => c.notNull())
    .addColumn("country", "text", (c) => c.notNull())
    .addColumn("position", "text", (c) => c.notNull())
    .addColumn("effective_on", "text", (c) => c.notNull())
    .addColumn("recorded_on", "text", (c) => c.notNull())
    .addColumn("confidence", "text", (c) => c.notNull())
    .addColumn("sources", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("recorded_by", "text", (c) => c.notNull())
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .addColumn("classification", "text", (c) => c.notNull())
    .addColumn("caveats", "text", (c) => c.notNull())
    .addColumn("supersedes", "text")
    .addColumn("class_rank", "integer", (c) => c.notNull())
    .addColumn("needs_access", "integer", (c) => c.notNull())
    .addColumn("captioned", "integer", (c) => c.notNull())
    .execute();
  // A tally reads one question's events of one campaign.
  await db.schema
    .createIndex("position_events_question")
    .on("position_events")
    .columns(["campaign_id", "question_id"])
    .execute();
  await db.schema
    .createTable("position_event_caveats")
    .addColumn("event_id", "text", (c) => c.notNull().references("position_events.id").onDelete("cascade"))
    .addColumn("caveat", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("position_event_caveats_pk", ["event_id", "caveat"])
    .execute();
  await db.schema
    .createTable("position_event_grants")
    .addColumn("event_id", "text", (c) => c.notNull().references("position_events.id").onDelete("cascade"))
    .addColumn("grant_key", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("position_event_grants_pk", ["event_id", "grant_key"])
    .execute();
  // A task asked about a campaign question: its post's country is then expected to answer it.
  await db.schema.alterTable("tasks").addColumn("campaign_id", "text").execute();
  await db.schema.alterTable("tasks").addColumn("question_id", "text").execute();
}
