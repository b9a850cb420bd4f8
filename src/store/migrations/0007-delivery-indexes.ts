// Migration 0007: the deliveries' indexes hold only the rows their queries look for, so a release's insert and the
// dispatcher's update touch fewer of them; and the directory is found by routing indicator without a scan.
//
// A queued delivery was in five indexes, and delivering it changed three. Now a new row enters the primary key, the
// once-only constraint and the outbox; delivering it leaves the outbox and enters the inbox and the open deadlines.
import { sql, type Kysely } from "kysely";
import type { Dialect } from "../open-store.ts";

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  // The dispatcher's queue: what is still queued, most urgent first. Queries name the state as the literal
  // 'queued' (a bound parameter would keep the planner from proving the index applies).
  await db.schema.dropIndex("deliveries_outbox").execute();
  await db.schema
    .createIndex("deliveries_queued")
    .on("deliveries")
    .columns(["rank", "queued_at", "id"])
    .where(sql<boolean>`state = 'queued'`)
    .execute();
  // Inboxes list delivered copies only.
  await db.schema.dropIndex("deliveries_inbox").execute();
  await db.schema
    .createIndex("deliveries_inbox")
    .on("deliveries")
    .columns(["post", "office", "delivered_at"])
    .where(sql<boolean>`delivered_at is not null`)
    .execute();
  // Escalation looks for deadlines neither acknowledged nor escalated yet.
  await db.schema.dropIndex("deliveries_due").execute();
  await db.schema
    .createIndex("deliveries_due_open")
    .on("deliveries")
    .column("due_at")
    .where(sql<boolean>`due_at is not null and acked_at is null and escalated_at is null`)
    .execute();
  await db.schema.createIndex("posts_routing_indicator").on("posts").column("routing_indicator").execute();
}
