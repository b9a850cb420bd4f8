// Migration 0008: SQLite's full-text index leaves the archive file for a file of its own (search-index.ts), so a
// bulk import writes both at once on two threads. The table 0001 made in the archive goes; the new one is made when
// the index file is attached, and the cables it lacks are indexed again from the archive (repairSearchIndex).
// PostgreSQL keeps its index with the archive: one database takes writes from many connections at once.
import { sql, type Kysely } from "kysely";
import type { Dialect } from "../open-store.ts";

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect !== "sqlite") return;
  await sql`DROP TABLE IF EXISTS main.cable_fts`.execute(db);
}
