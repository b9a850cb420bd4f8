// Cable records into SQLite: one transaction per batch, prepared statements, rows in row number order. The
// full-text rows go to the search index file (search-index.ts): in the same transaction, or, during a bulk import,
// to its writer thread once the archive's transaction is committed. FTS5's unicode61 tokeniser cuts the text as
// ftsText does, so it gets the text as written (normalising it here would double the work of an import).
import type BetterSqlite3 from "better-sqlite3";
import type { CableRecord } from "../cable-record.ts";
import type { ArchiveWrites } from "../archive-writes.ts";
import { dateBucket, SLOTS } from "../date-seq.ts";
import { lockKeyOf } from "../lock-key.ts";
import { claimIndexWrites, prepareIndexing, SEARCH_SCHEMA, type IndexDoc } from "../search-index.ts";
import type { WrittenRecords } from "../cable-writes.ts";
import { sqliteRederive } from "./sqlite-rederive.ts";

/**
 * The archive writes of the SQLite database `sqlite`. With `index` (bulk imports), the full-text rows go to that
 * writer thread after the commit instead of into the transaction; with `deferIndex`, into that list for the caller.
 * @example await sqliteCableWrites(handle).write([record]) // { inserted: 1, skipped: 0 }
 */
export function sqliteCableWrites(sqlite: BetterSqlite3.Database): ArchiveWrites {
  return {
    write: async (records, options = {}) => {
      const docs: IndexDoc[] | null = options.index ? [] : (options.deferIndex ?? null);
      const outcome = writeSqlite(sqlite, records, docs);
      if (docs && options.index) await options.index.write(docs);
      return outcome;
    },
    rederive: async (batch) => sqliteRederive(sqlite, batch),
  };
}

type SqliteStatements = ReturnType<typeof prepareSqlite>;
/** Times a batch is tried when another process's commit got in between its first read and its first write. */
const SNAPSHOT_ATTEMPTS = 5;
const prepared = new WeakMap<BetterSqlite3.Database, SqliteStatements>();

function prepareSqlite(db: BetterSqlite3.Database) {
  return {
    top: db.prepare(`SELECT max(seq) FROM cables WHERE seq >= ? AND seq < ?`).pluck(),
    cable: db.prepare(
      `INSERT INTO cables (seq, id, subject, dtg, year, origin, classification, class_rank, precedence,
         needs_access, captioned, source, archived_at, parser_version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
    ),
    text: db.prepare(`INSERT INTO cable_texts (seq, model, raw, parse_hints, derived_digest) VALUES (?, ?, ?, ?, ?)`),
    tag: db.prepare(`INSERT OR IGNORE INTO cable_tags (seq, tag) VALUES (?, ?)`),
    ref: db.prepare(`INSERT INTO cable_refs (seq, ord, label, ref_id, text) VALUES (?, ?, ?, ?, ?)`),
    caveat: db.prepare(`INSERT OR IGNORE INTO cable_caveats (seq, caveat) VALUES (?, ?)`),
    grant: db.prepare(`INSERT OR IGNORE INTO cable_grants (seq, grant_key) VALUES (?, ?)`),
    declass: db.prepare(
      `INSERT INTO cable_declass (seq, review_on, basis, source, reason, origin, classification, class_rank,
         needs_access, captioned, lock_key, due_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    index: prepareIndexing(db, SEARCH_SCHEMA),
    claimIndex: claimIndexWrites(db),
  };
}

/** Writes the batch; its full-text rows go into `docs` when given, else into the index in the same transaction. */
function writeSqlite(db: BetterSqlite3.Database, records: CableRecord[], docs: IndexDoc[] | null): WrittenRecords {
  let st = prepared.get(db);
  if (!st) prepared.set(db, (st = prepareSqlite(db)));
  const s = st;
  const run = db.transaction((batch: CableRecord[]): WrittenRecords => {
    // FTS5 flushes its pending terms whenever a row id is not above the last one, so rows go in seq order.
    const tops = new Map<number, number | null>();
    const numbered = batch.map((r) => {
      const base = dateBucket(r.dtg) * SLOTS;
      if (!tops.has(base)) tops.set(base, s.top.get(base, base + SLOTS) as number | null);
      const seq = nextSeq(base, tops.get(base)!);
      tops.set(base, seq);
      return { r, seq };
    });
    numbered.sort((a, b) => a.seq - b.seq);
    const written: CableRecord[] = [];
    const indexed: IndexDoc[] = [];
    for (const { r, seq } of numbered) {
      const info = s.cable.run(
        seq,
        r.id,
        r.subject,
        r.dtg,
        r.year,
        r.origin,
        r.classification,
        r.classRank,
        r.precedence,
        r.caveats.length > 0 ? 1 : 0,
        r.captioned ? 1 : 0,
        r.source,
        r.archivedAt,
        r.parserVersion,
      );
      if (info.changes === 0) continue;
      written.push(r);
      s.text.run(seq, r.model, r.raw, r.parseHints, r.derivedDigest);
      for (const tag of r.tags) s.tag.run(seq, tag);
      r.refs.forEach((ref, i) => s.ref.run(seq, i, ref.label, ref.refId, ref.text));
      for (const caveat of r.caveats) s.caveat.run(seq, caveat);
      for (const grant of r.grants) s.grant.run(seq, grant);
      s.declass.run(...declassRowOf(seq, r));
      indexed.push({ seq, subject: r.fts.subject, body: r.fts.body, meta: r.fts.meta });
    }
    // The index rows go in last. A statement that fires a trigger (cable_declass's counts) opens a statement
    // savepoint, and FTS5 writes its buffered terms out as a new segment at every savepoint: indexed between such
    // statements, each cable would become a segment of its own, to be merged again.
    if (docs) docs.push(...indexed);
    else if (indexed.length > 0) {
      s.claimIndex.run();
      indexed.forEach(s.index);
    }
    return { inserted: written.length, skipped: batch.length - written.length, written };
  });
  // The transaction starts with a read, and in WAL mode a read whose snapshot another process's commit has moved
  // past (the server releasing while the CLI imports) cannot become a write: SQLITE_BUSY_SNAPSHOT at once, without
  // the busy timeout. It is rolled back, so it is run again on a fresh snapshot. Not BEGIN IMMEDIATE, which would
  // lock the attached search index too: during a bulk import that is its writer thread's, and the two would wait
  // on each other until one failed with "database is locked", losing its cables.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return run(records);
    } catch (error) {
      if (attempt >= SNAPSHOT_ATTEMPTS || (error as { code?: unknown }).code !== "SQLITE_BUSY_SNAPSHOT") throw error;
    }
  }
}

/** The row number after `top` in the minute starting at `base` (or `base` itself for the minute's first cable). */
function nextSeq(base: number, top: number | null): number {
  const seq = top === null ? base : Number(top) + 1;
  if (seq >= base + SLOTS) throw new Error(`more than ${SLOTS} cables dated in one minute`);
  return seq;
}

/**
 * The parameters of a cable's cable_declass row (seq, review_on, basis, source, reason, origin, classification,
 * class_rank, needs_access, captioned, lock_key, due_on): its place in the schedule and the copy of its locks the
 * due list reads. A cable no review has settled is due on its own review date.
 * @example db.prepare("INSERT INTO cable_declass VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").run(...declassRowOf(7, record))
 */
export function declassRowOf(seq: number, r: CableRecord) {
  const d = r.declass;
  return [
    seq,
    d.reviewOn,
    d.basis,
    d.source,
    d.reason,
    r.origin,
    r.classification,
    r.classRank,
    r.caveats.length > 0 ? 1 : 0,
    r.captioned ? 1 : 0,
    lockKeyOf(r),
    d.reviewOn,
  ] as const;
}
