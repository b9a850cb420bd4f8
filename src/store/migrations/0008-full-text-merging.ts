// Migration 0008: SQLite's full-text index buffers more terms in memory and merges its segments less eagerly. A bare
// contentless FTS5 table fed the 250,000 texts of bench:archive took 3,048 cables/s so against 2,271 by default,
// with the same search times.
//
// FTS5 writes the terms it has buffered as a new segment whenever the buffer passes `hashsize` (1 MB by default),
// and merges a level once `automerge` segments (4) sit on it. A cable's body is about 10 kB, so an import batch of
// 500 cables made a segment every hundred cables and spent much of its time merging small ones. With 64 MB a batch
// makes one segment; merging 16 at a time keeps the number of segments a query reads about as low. Both settings
// live in the index's own config table, so they hold for every connection from now on. PostgreSQL has no such
// knobs: its GIN index takes the tsvectors as they come.
import { sql, type Kysely } from "kysely";
import type { Dialect } from "../open-store.ts";

/** Bytes of terms buffered before FTS5 writes a segment. */
export const FTS_HASH_BYTES = 64 * 1024 * 1024;
/** Segments on one level before FTS5 merges them. */
export const FTS_AUTOMERGE = 16;

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect !== "sqlite") return;
  // FTS5 takes its settings as literals only: a bound parameter is refused with "SQL logic error".
  await sql`INSERT INTO cable_fts (cable_fts, rank) VALUES ('hashsize', ${sql.lit(FTS_HASH_BYTES)})`.execute(db);
  await sql`INSERT INTO cable_fts (cable_fts, rank) VALUES ('automerge', ${sql.lit(FTS_AUTOMERGE)})`.execute(db);
}
