// Migration 0022: an office is keyed by its post and its code, so every post can have its own POL or ECON. Existing
// offices keep their code, name and post.
import { sql, type Kysely } from "kysely";
import type { Dialect } from "../open-store.ts";

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("offices_per_post")
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("name", "text")
    .addColumn("post", "text", (c) => c.references("posts.name").onDelete("cascade"))
    // An office without a post (kept from before, or added so) is unique by code among those: addOffice checks.
    .addUniqueConstraint("offices_post_code", ["post", "code"])
    .execute();
  await sql`INSERT INTO offices_per_post (code, name, post) SELECT code, name, post FROM offices`.execute(db);
  await db.schema.dropTable("offices").execute();
  await db.schema.alterTable("offices_per_post").renameTo("offices").execute();
  // Office addressees (`EUR/SCE`) and clearances are looked up by code alone.
  await db.schema.createIndex("offices_code").on("offices").column("code").execute();
}
