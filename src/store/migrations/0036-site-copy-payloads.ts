// Migration 0036: a copy's payload (the whole cable, as it travels) moves out of its tracking row into a table of
// its own. The tracking row changes at every stage (sent, stored, delivered, acknowledged), and SQLite writes a row
// out whole, overflow pages and all, whichever column changed: with the cable beside it, moving a receipt's copies
// forward rewrote every cable it named. The payload is written once and read when the copy is sent.
import { sql, type Kysely } from "kysely";
import type { Dialect } from "../open-store.ts";

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("site_copy_payloads")
    .addColumn("copy_id", "text", (c) => c.primaryKey().references("site_copies.id").onDelete("cascade"))
    .addColumn("payload", "text", (c) => c.notNull())
    .execute();
  await sql`INSERT INTO site_copy_payloads (copy_id, payload) SELECT id, payload FROM site_copies`.execute(db);
  await db.schema.alterTable("site_copies").dropColumn("payload").execute();
}
