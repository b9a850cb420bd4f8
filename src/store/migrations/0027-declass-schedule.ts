// Migration 0027: each archived cable's place in the declassification schedule (issue 20): its review date, why,
// and, beside them, the columns the due list groups by and the access locks readableBy tests (as cable_fts carries
// them, migration 0010), so that the due list of a large archive reads this table's index alone. The service fills
// it when a cable is archived, and for the cables archived before this migration when the archive is next opened.
import { sql, type Kysely } from "kysely";
import type { Dialect } from "../open-store.ts";

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const seqType = dialect === "sqlite" ? "integer" : "bigint";
  await db.schema
    .createTable("cable_declass")
    .addColumn("seq", seqType, (c) => c.primaryKey().references("cables.seq"))
    .addColumn("review_on", "text")
    .addColumn("basis", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("origin", "text")
    .addColumn("classification", "text")
    .addColumn("class_rank", "integer", (c) => c.notNull())
    .addColumn("needs_access", "integer", (c) => c.notNull())
    .addColumn("captioned", "integer", (c) => c.notNull())
    .execute();
  // The due list: a range of review dates, counted by origin and classification under the access rule, from the
  // index alone. Unclassified cables (no review date) are left out of it.
  await sql`CREATE INDEX cable_declass_due ON cable_declass
    (review_on, class_rank, needs_access, captioned, origin, classification, seq) WHERE review_on IS NOT NULL`.execute(
    db,
  );
  await db.schema.createIndex("cable_declass_basis").on("cable_declass").columns(["basis", "seq"]).execute();
}
