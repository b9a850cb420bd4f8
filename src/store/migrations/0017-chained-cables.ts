// Migration 0017: the cables an import chains in one link (a batch link), each with the hash of its stored form,
// so that every archived cable is in the hash chain, imported ones included. A released cable keeps its link of
// its own (chain_links.cable_id); a cable is in one or the other.
import type { Kysely } from "kysely";
import type { Dialect } from "../open-store.ts";

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("chain_cables")
    .addColumn("cable_id", "text", (c) => c.primaryKey())
    .addColumn("link_seq", "integer", (c) => c.notNull())
    .addColumn("cable_hash", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("chain_cables_link").on("chain_cables").column("link_seq").execute();
}
