// Migration 0008: SQLite's full-text index leaves the archive file for a file of its own (search-index.ts), so a
// bulk import writes both at once on two threads. The table 0001 made in the archive goes; the new one is made when
// the index file is attached, and the cables it lacks are indexed again from the archive (repairSearchIndex).
// The archive gets an identity, which the index file records: an index found beside an archive not its own (the
// archive file replaced, or restored without it) is started afresh rather than trusted.
// PostgreSQL keeps its index with the archive: one database takes writes from many connections at once.
import { sql, type Kysely } from "kysely";
import type { Dialect } from "../open-store.ts";

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect !== "sqlite") return;
  await sql`DROP TABLE IF EXISTS main.cable_fts`.execute(db);
  await sql`CREATE TABLE archive_identity (id text NOT NULL)`.execute(db);
  await sql`INSERT INTO archive_identity (id) VALUES (lower(hex(randomblob(16))))`.execute(db);
}
