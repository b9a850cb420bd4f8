// Migration 0015: the access rule finds the cables a reader's caveats or grants exclude through an index, rather
// than by reading every cable's caveats.
//
// readableBy asks "has this cable a caveat the reader lacks?" as a set on PostgreSQL: the planner hashes the rows of
// cable_caveats whose caveat is not one the reader holds. With no index on the caveat that means reading all of them
// (in a large archive, every NOFORN row) once for each statement of a search, even for a reader holding
// NOFORN, for whom the set is empty. The condition is therefore ranges between the reader's accesses (readable-by.ts),
// which this index answers in the rows that match only. Ranges compare in the column's collation: on PostgreSQL
// that is made "C" (code point order, as SQLite's BINARY is), so the order readableBy sorts the accesses in is the
// database's whatever its default collation; the table is rewritten to change it, once, when
// this migration runs. Grants are looked up by key the same way.
import { sql, type Kysely } from "kysely";
import type { Dialect } from "../open-store.ts";

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect === "postgres")
    await sql`ALTER TABLE cable_caveats ALTER COLUMN caveat TYPE text COLLATE "C"`.execute(db);
  await db.schema.createIndex("cable_caveats_by_caveat").on("cable_caveats").columns(["caveat", "seq"]).execute();
  await db.schema.createIndex("cable_grants_by_key").on("cable_grants").columns(["grant_key", "seq"]).execute();
}
