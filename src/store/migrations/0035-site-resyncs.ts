// Migration 0035: what a restored node needs to take its releases back whole (issue 19). A destination keeps the
// action requests a copy carried, so it can give them back to an origin that lost the release; and each node keeps,
// per site it sends to, whether that site has yet answered its hello, so that no new copy leaves for a site before
// the channel numbers that site already holds are known.
import type { Kysely } from "kysely";
import type { Dialect } from "../open-store.ts";

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable("site_arrivals").addColumn("action_requests", "text").execute();
  await db.schema
    .createTable("site_resyncs")
    .addColumn("site", "text", (c) => c.primaryKey())
    .addColumn("sent", "integer", (c) => c.notNull())
    .addColumn("asked_at", "text", (c) => c.notNull())
    .addColumn("releases_wait_until", "text", (c) => c.notNull())
    .addColumn("answered_at", "text")
    .execute();
}
