// Migration 0028: declassification review (issue 20). Every reviewer's decision (declass_reviews), and the public
// reading room: one entry per reviewed cable released or withheld in full (reading_room, keyed by the cable's row
// number, so that its order is date order), the TAGS it released (reading_room_tags), and a full-text index of
// released text only (reading_room_fts), apart from the archive's: no word of a withheld portion is ever in it.
import { sql, type Kysely } from "kysely";
import type { Dialect } from "../open-store.ts";

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const seqType = dialect === "sqlite" ? "integer" : "bigint";
  await db.schema
    .createTable("declass_reviews")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("cable_id", "text", (c) => c.notNull())
    .addColumn("reviewer_id", "text")
    .addColumn("reviewer", "text", (c) => c.notNull())
    .addColumn("decided_at", "text", (c) => c.notNull())
    .addColumn("outcome", "text", (c) => c.notNull())
    /** The ReviewDecision as JSON. */
    .addColumn("decision", "text", (c) => c.notNull())
    /** For an extension: the new review date. */
    .addColumn("review_on", "text")
    .execute();
  await db.schema
    .createIndex("declass_reviews_of_cable")
    .on("declass_reviews")
    .columns(["cable_id", "decided_at"])
    .execute();

  await db.schema
    .createTable("reading_room")
    .addColumn("seq", seqType, (c) => c.primaryKey().references("cables.seq"))
    .addColumn("cable_id", "text", (c) => c.notNull().unique())
    .addColumn("review_id", "text", (c) => c.notNull().references("declass_reviews.id"))
    /** `released` (in full or in part) or `withdrawn` (withheld in full: a withdrawal card). */
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("dtg", "text")
    .addColumn("year", "integer")
    .addColumn("origin", "text")
    .addColumn("classification", "text")
    /** The released subject; null when withheld. */
    .addColumn("subject", "text")
    /** JSON array of the exemption codes cited. */
    .addColumn("exemptions", "text", (c) => c.notNull())
    .addColumn("review_date", "text", (c) => c.notNull())
    .addColumn("reviewer", "text", (c) => c.notNull())
    /** The released version's model as JSON, and as a telegram; '' for a withdrawal card. */
    .addColumn("model", "text", (c) => c.notNull())
    .addColumn("telegram", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("reading_room_kind").on("reading_room").columns(["kind", "seq"]).execute();
  await db.schema
    .createTable("reading_room_tags")
    .addColumn("seq", seqType, (c) => c.notNull().references("reading_room.seq"))
    .addColumn("tag", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("reading_room_tags_pk", ["seq", "tag"])
    .execute();

  if (dialect === "sqlite") {
    // The same columns as the archive's index (search-index.ts), so a query compiles to the same match expression.
    await sql`CREATE VIRTUAL TABLE reading_room_fts USING fts5(subject, body, meta, stems, content='',
      tokenize='unicode61 remove_diacritics 2')`.execute(db);
  } else {
    // The same lexemes as the archive's cable_fts: words, word pairs and stems (postgres-cable-writes.ts).
    await sql`CREATE TABLE reading_room_fts (seq bigint PRIMARY KEY REFERENCES reading_room(seq),
      tsv tsvector NOT NULL)`.execute(db);
    await sql`CREATE INDEX reading_room_fts_words ON reading_room_fts USING gin (tsv)`.execute(db);
  }
}
