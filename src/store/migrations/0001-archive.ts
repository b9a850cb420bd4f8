// Migration 0001: the archive of cables, its side tables (tags, references, access locks) and full-text index.
import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely } from "kysely";
import type { Dialect } from "../open-store.ts";

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  // seq is assigned in date order (see date-seq.ts), up to 2^53: a 64-bit integer on both dialects.
  const seqType = dialect === "sqlite" ? "integer" : "bigint";
  await db.schema
    .createTable("cables")
    .addColumn("seq", seqType, (c) => c.primaryKey())
    .addColumn("id", "text", (c) => c.notNull().unique())
    .addColumn("subject", "text")
    .addColumn("dtg", "text")
    .addColumn("year", "integer")
    .addColumn("origin", "text")
    .addColumn("classification", "text")
    .addColumn("class_rank", "integer", (c) => c.notNull())
    .addColumn("precedence", "text")
    .addColumn("needs_access", "integer", (c) => c.notNull())
    .addColumn("captioned", "integer", (c) => c.notNull())
    .addColumn("source", "text")
    .addColumn("archived_at", "text", (c) => c.notNull())
    .execute();

  // Child rows are looked up by (seq, ...) only; SQLite stores them without a separate rowid.
  const compact = <T extends string, C extends string>(b: CreateTableBuilder<T, C>) =>
    dialect === "sqlite" ? b.modifyEnd(sql`without rowid`) : b;
  const seq = (c: ColumnDefinitionBuilder) => c.notNull().references("cables.seq");

  await db.schema
    .createTable("cable_texts")
    // Not keyed by seq: large rows go at the end of the table in arrival order, not all over it in date
    // order (which would slow imports); the unique index on seq finds them.
    .addColumn("seq", seqType, (c) => c.notNull().unique().references("cables.seq"))
    .addColumn("model", "text", (c) => c.notNull())
    .addColumn("raw", "text")
    .execute();
  await compact(
    db.schema
      .createTable("cable_tags")
      .addColumn("seq", seqType, seq)
      .addColumn("tag", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("cable_tags_pk", ["seq", "tag"]),
  ).execute();
  await compact(
    db.schema
      .createTable("cable_refs")
      .addColumn("seq", seqType, seq)
      .addColumn("ord", "integer", (c) => c.notNull())
      .addColumn("label", "text")
      .addColumn("ref_id", "text")
      .addColumn("text", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("cable_refs_pk", ["seq", "ord"]),
  ).execute();
  await db.schema.createIndex("cable_refs_ref_id").on("cable_refs").columns(["ref_id", "seq"]).execute();
  await compact(
    db.schema
      .createTable("cable_caveats")
      .addColumn("seq", seqType, seq)
      .addColumn("caveat", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("cable_caveats_pk", ["seq", "caveat"]),
  ).execute();
  await compact(
    db.schema
      .createTable("cable_grants")
      .addColumn("seq", seqType, seq)
      .addColumn("grant_key", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("cable_grants_pk", ["seq", "grant_key"]),
  ).execute();

  // Full text differs by dialect: subject, body and `meta` (tokens for fielded filters; see full-text.ts).
  if (dialect === "sqlite") {
    // Contentless: the text lives in `cables.model`; snippets are cut from it, not from the index.
    await sql`CREATE VIRTUAL TABLE cable_fts USING fts5(subject, body, meta, content='', tokenize='unicode61 remove_diacritics 2')`.execute(
      db,
    );
  } else {
    await sql`CREATE TABLE cable_fts (seq bigint PRIMARY KEY REFERENCES cables(seq), tsv tsvector NOT NULL)`.execute(
      db,
    );
    await sql`CREATE INDEX cable_fts_tsv ON cable_fts USING gin (tsv)`.execute(db);
  }
}
