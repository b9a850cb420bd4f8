// The SQLite search index lives in a file of its own beside the archive (cablegram.db → cablegram-search.db),
// attached to every connection as schema `search`. One SQLite file has one writer at a time; with the index apart,
// a bulk import writes it on a second thread (search-index-writer.ts) while the main one writes the archive.
//
// The index holds nothing that cannot be rebuilt from the archive: a cable it lacks (after a crash between the two
// commits, or with the file deleted) is indexed again when the archive is next opened for work (repairSearchIndex).
// Queries name the table `cable_fts` without the schema: SQLite finds it in the attached file.
import type BetterSqlite3 from "better-sqlite3";
import { indexStems } from "./full-text.ts";

/** The schema the index file is attached as. */
export const SEARCH_SCHEMA = "search";

/** Bytes of terms FTS5 buffers before it writes a segment: more than an import batch makes (2,000 cables). */
export const FTS_HASH_BYTES = 64 * 1024 * 1024;
/** Segments on one level before FTS5 merges them (4 by default). */
export const FTS_AUTOMERGE = 16;

/** One cable as the index takes it: its row number in the archive and its text columns (the stems are worked out). */
export type IndexDoc = { seq: number; subject: string; body: string; meta: string };

/**
 * The file of the search index that goes with an archive file; `:memory:` for an in-memory archive.
 * @example searchFileOf("data/cablegram.db") // "data/cablegram-search.db"
 */
export function searchFileOf(file: string): string {
  if (file === ":memory:" || file === "") return ":memory:";
  return file.endsWith(".db") ? `${file.slice(0, -3)}-search.db` : `${file}-search`;
}

/**
 * Attaches the search index of the archive `file` to the connection, once the archive is migrated. A new index
 * file gets an empty index. So does one that is not this archive's: made for another archive (the archive file
 * replaced by another, or restored without its index), or holding more cables than the archive has (restored from
 * an older backup than the index); trusted, it would answer searches for cables that are not these. Either way
 * repairSearchIndex then indexes the archive's cables.
 * @example attachSearchIndex(sqlite, "data/cablegram.db")
 */
export function attachSearchIndex(sqlite: BetterSqlite3.Database, file: string): void {
  sqlite.prepare(`ATTACH DATABASE ? AS ${SEARCH_SCHEMA}`).run(searchFileOf(file));
  if (searchFileOf(file) !== ":memory:") {
    sqlite.pragma(`${SEARCH_SCHEMA}.journal_mode = WAL`);
    sqlite.pragma(`${SEARCH_SCHEMA}.synchronous = NORMAL`);
  }
  // Each attached file has its own page cache, 2 MB unless told: a search reads the index's pages all over.
  sqlite.pragma(`${SEARCH_SCHEMA}.cache_size = -65536`);
  if (indexIsOurs(sqlite)) return;
  // Another process may be opening the same archive: decide again under the write lock.
  sqlite
    .transaction(() => {
      if (indexIsOurs(sqlite)) return;
      sqlite.exec(`DROP TABLE IF EXISTS ${SEARCH_SCHEMA}.cable_fts`);
      sqlite.exec(`DROP TABLE IF EXISTS ${SEARCH_SCHEMA}.index_of`);
      sqlite.exec(`CREATE TABLE ${SEARCH_SCHEMA}.index_of (archive TEXT NOT NULL)`);
      sqlite.exec(`INSERT INTO ${SEARCH_SCHEMA}.index_of (archive) SELECT id FROM main.archive_identity`);
      createIndexTable(sqlite);
    })
    .immediate();
}

/** Whether the attached index is this archive's, in today's form, and holds no more cables than it. */
function indexIsOurs(sqlite: BetterSqlite3.Database): boolean {
  const tables = sqlite.prepare(`SELECT name FROM ${SEARCH_SCHEMA}.sqlite_master WHERE type = 'table'`).pluck().all();
  if (!tables.includes("index_of") || !tables.includes("cable_fts")) return false;
  const columns = sqlite.prepare(`SELECT name FROM pragma_table_info('cable_fts', '${SEARCH_SCHEMA}')`).pluck().all();
  if (!columns.includes("stems")) return false;
  const form = sqlite
    .prepare(`SELECT sql FROM ${SEARCH_SCHEMA}.sqlite_master WHERE name = 'cable_fts'`)
    .pluck()
    .get() as string;
  if (!form.includes("contentless_delete=1")) return false;
  const owner = sqlite.prepare(`SELECT archive FROM ${SEARCH_SCHEMA}.index_of`).pluck().get();
  const ours = sqlite.prepare(`SELECT id FROM main.archive_identity`).pluck().get();
  return owner === ours && indexedCount(sqlite) <= archivedCount(sqlite);
}

const archivedCount = (sqlite: BetterSqlite3.Database) =>
  sqlite.prepare(`SELECT count(*) FROM main.cables`).pluck().get() as number;
const indexedCount = (sqlite: BetterSqlite3.Database) =>
  sqlite.prepare(`SELECT count(*) FROM ${SEARCH_SCHEMA}.cable_fts_docsize`).pluck().get() as number;

/**
 * Creates the full-text table in the attached index (just emptied by attachSearchIndex): contentless (the text lives in
 * the archive, and snippets are cut from it), with words cut as ftsWords cuts them (full-text.ts), and their English
 * stems in a column of their own (indexStems): FTS5's `porter` tokeniser would stem every column, leaving no exact
 * word to rank first. Its rows can be deleted by row number (contentless_delete), so that a cable derived again by a
 * later parser (rederiveArchive) is indexed anew without the text it was indexed with. FTS5's defaults
 * write a segment per megabyte of terms and merge four at a time, so an import batch would make many small segments and
 * spend much of its time merging them; with the settings here an import is faster and searches are as fast (measured
 * with bench:archive, see docs/performance.md). Settings live in the table's config, so every connection has them. They
 * can only be given as literals ("SQL logic error" for a bound parameter).
 */
function createIndexTable(db: BetterSqlite3.Database): void {
  db.exec(`CREATE VIRTUAL TABLE ${SEARCH_SCHEMA}.cable_fts USING fts5(subject, body, meta, stems, content='',
    contentless_delete=1, tokenize='unicode61 remove_diacritics 2')`);
  db.exec(`INSERT INTO ${SEARCH_SCHEMA}.cable_fts (cable_fts, rank) VALUES ('hashsize', ${FTS_HASH_BYTES})`);
  db.exec(`INSERT INTO ${SEARCH_SCHEMA}.cable_fts (cable_fts, rank) VALUES ('automerge', ${FTS_AUTOMERGE})`);
}

/**
 * Indexes cables, one at a time, inside the caller's transaction; `schema` is `search` on the main connection and
 * `main` on the writer thread's own. A cable already indexed is left alone: a repair in one process and an import's
 * writer thread in another may both reach it, and FTS5 would index a row id twice. Give cables in ascending seq
 * within a transaction: FTS5 writes out its buffer whenever a row id is not above the last one.
 * @example const index = prepareIndexing(sqlite, "search"); sqlite.transaction(() => docs.forEach(index))()
 */
export function prepareIndexing(db: BetterSqlite3.Database, schema: string): (doc: IndexDoc) => void {
  const present = db.prepare(`SELECT 1 FROM ${schema}.cable_fts_docsize WHERE id = ?`).pluck();
  // One row a statement: a statement that may write several rows opens a savepoint, and FTS5 writes its buffered
  // terms out as a segment of their own at every savepoint.
  const insert = db.prepare(
    `INSERT INTO ${schema}.cable_fts (rowid, subject, body, meta, stems) VALUES (?, ?, ?, ?, ?)`,
  );
  return (d) => {
    if (present.get(d.seq) !== undefined) return;
    insert.run(d.seq, d.subject, d.body, d.meta, indexStems(`${d.subject} ${d.body}`).join(" "));
  };
}

/**
 * A statement that takes the index file's write lock, for a transaction to run before it first reads the index: in
 * WAL mode a transaction that has read a file and finds another connection (the index's writer thread) committed
 * there since cannot write it at all (SQLITE_BUSY at once), while one that starts by writing waits for the other's
 * commit. It writes nothing.
 * @example const claim = claimIndexWrites(sqlite); sqlite.transaction(() => { claim.run(); docs.forEach(index) })()
 */
export function claimIndexWrites(db: BetterSqlite3.Database): BetterSqlite3.Statement {
  return db.prepare(`UPDATE ${SEARCH_SCHEMA}.index_of SET archive = archive WHERE 0`);
}

/**
 * Row numbers of archived cables the index lacks, in ascending order. The contentless table keeps one size row per
 * indexed cable, which is how it is known; the counts are compared first, so a whole index costs two counts.
 * @example unindexedSeqs(store.sqlite!) // [] after a clean import
 */
export function unindexedSeqs(sqlite: BetterSqlite3.Database): number[] {
  if (archivedCount(sqlite) === indexedCount(sqlite)) return [];
  return sqlite
    .prepare(
      `SELECT c.seq FROM main.cables c
       WHERE NOT EXISTS (SELECT 1 FROM ${SEARCH_SCHEMA}.cable_fts_docsize d WHERE d.id = c.seq) ORDER BY c.seq`,
    )
    .pluck()
    .all() as number[];
}

/**
 * Indexes cables in one transaction on the main connection (a repair; see repairSearchIndex).
 * @example indexCables(store.sqlite!, docs)
 */
export function indexCables(sqlite: BetterSqlite3.Database, docs: readonly IndexDoc[]): void {
  const index = prepareIndexing(sqlite, SEARCH_SCHEMA);
  sqlite.transaction(() => docs.forEach(index)).immediate();
}

/**
 * WAL pages between automatic checkpoints during a bulk import (1,000 by default). Each checkpoint copies the WAL
 * into the database file and waits for the disk (fsync); a cable's rows and index entries fill several pages, so
 * the default would make an import wait for the disk every few hundred cables.
 */
export const BULK_CHECKPOINT_PAGES = 16_384;

/**
 * Checkpoints the archive less often until the returned function is called, which restores the setting.
 * @example const restore = checkpointLessOften(store.sqlite!); try { ... } finally { restore() }
 */
export function checkpointLessOften(sqlite: BetterSqlite3.Database): () => void {
  const before = sqlite.pragma("main.wal_autocheckpoint", { simple: true }) as number;
  sqlite.pragma(`main.wal_autocheckpoint = ${BULK_CHECKPOINT_PAGES}`);
  return () => void sqlite.pragma(`main.wal_autocheckpoint = ${before}`);
}
