// Migration 0021: the draft's cable as each clearer read it when they cleared or objected (issue 17 item 17), so
// that a clearer asked again is shown what changed since. A snapshot outlives the reset an edit makes of the
// clearance's decision, which is why it is not a column of draft_clearances.
import type { Kysely } from "kysely";
import type { Dialect } from "../open-store.ts";

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("clearance_snapshots")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("draft_id", "text", (c) => c.notNull().references("drafts.id").onDelete("cascade"))
    .addColumn("clearance_id", "text", (c) => c.notNull().references("draft_clearances.id").onDelete("cascade"))
    .addColumn("decision", "text", (c) => c.notNull())
    .addColumn("comment", "text")
    .addColumn("decided_by", "text", (c) => c.notNull())
    .addColumn("decided_at", "text", (c) => c.notNull())
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("model", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("clearance_snapshots_clearance")
    .on("clearance_snapshots")
    .columns(["clearance_id", "decided_at"])
    .execute();
}
