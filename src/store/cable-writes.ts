// Writes cable records in batches: one transaction per batch, prepared statements on SQLite, array inserts on
// PostgreSQL. An id already archived is skipped, never duplicated; that is what makes imports idempotent.
// Each cable gets the next free row number of its DTG minute (date-seq.ts), so row order is date order. On
// PostgreSQL a batch takes its numbers in a statement of its own (migration 0016): batches can be written at once.
// On SQLite the full-text rows go to the search index file (search-index.ts): in the same transaction, or, during a
// bulk import, to its writer thread once the archive's transaction is committed.
// SQLite's unicode61 tokeniser cuts the text as ftsText does, so it gets the text as written (normalising it here
// would double the work of an import); PostgreSQL's parser does not, so it gets ftsText's form.
import type BetterSqlite3 from "better-sqlite3";
import { sql, type Kysely, type Transaction } from "kysely";
import type { CableRecord } from "./cable-record.ts";
import type { Database } from "./database.ts";
import { dateBucket, SLOTS } from "./date-seq.ts";
import { ftsText, wordPairs } from "./full-text.ts";
import { oneOf } from "./one-of.ts";
import type { Store } from "./open-store.ts";
import { prepareIndexing, SEARCH_SCHEMA, type IndexDoc } from "./search-index.ts";
import type { SearchIndexWriter } from "./search-index-writer.ts";

/** How a batch went: rows written and rows skipped because their id was already archived (or repeated). */
export type WriteOutcome = { inserted: number; skipped: number };

/** How a batch went, with the records it wrote (for the hash chain). */
export type WrittenRecords = WriteOutcome & { written: CableRecord[] };

/**
 * Writes a batch of cable records in one transaction; records whose id is already archived (or appears earlier in
 * the batch) are skipped. Either the whole batch is written or, on error, none of it. With `index` (SQLite, bulk
 * imports), the full-text rows go to that writer thread after the commit instead of into the transaction: the
 * cables are searchable a moment later, and the main thread goes on meanwhile.
 * @example await writeCableRecords(store, [record]) // { inserted: 1, skipped: 0 }
 */
export async function writeCableRecords(
  store: Store,
  records: CableRecord[],
  options: { index?: SearchIndexWriter } = {},
): Promise<WrittenRecords> {
  if (records.length === 0) return { inserted: 0, skipped: 0, written: [] };
  for (const r of records) {
    // Stored as hints alone, a cable is read back by parsing its text: without the text, it could not be.
    if (r.parseHints !== null && r.raw === null) throw new Error(`cable ${r.id} has parse hints but no text`);
  }
  if (!store.sqlite) return writePostgres(store, records);
  const docs: IndexDoc[] | null = options.index ? [] : null;
  const outcome = writeSqlite(store.sqlite, records, docs);
  if (docs && options.index) await options.index.write(docs);
  return outcome;
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
         needs_access, captioned, source, archived_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
    ),
    text: db.prepare(`INSERT INTO cable_texts (seq, model, raw, parse_hints) VALUES (?, ?, ?, ?)`),
    tag: db.prepare(`INSERT OR IGNORE INTO cable_tags (seq, tag) VALUES (?, ?)`),
    ref: db.prepare(`INSERT INTO cable_refs (seq, ord, label, ref_id, text) VALUES (?, ?, ?, ?, ?)`),
    caveat: db.prepare(`INSERT OR IGNORE INTO cable_caveats (seq, caveat) VALUES (?, ?)`),
    grant: db.prepare(`INSERT OR IGNORE INTO cable_grants (seq, grant_key) VALUES (?, ?)`),
    index: prepareIndexing(db, SEARCH_SCHEMA),
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
      );
      if (info.changes === 0) continue;
      written.push(r);
      s.text.run(seq, r.model, r.raw, r.parseHints);
      for (const tag of r.tags) s.tag.run(seq, tag);
      r.refs.forEach((ref, i) => s.ref.run(seq, i, ref.label, ref.refId, ref.text));
      for (const caveat of r.caveats) s.caveat.run(seq, caveat);
      for (const grant of r.grants) s.grant.run(seq, grant);
      const doc = { seq, subject: r.fts.subject, body: r.fts.body, meta: r.fts.meta };
      if (docs) docs.push(doc);
      else s.index(doc);
    }
    return { inserted: written.length, skipped: batch.length - written.length, written };
  });
  // The transaction starts with a read, and in WAL mode a read whose snapshot another process's commit has moved
  // past (the server releasing while the CLI imports) cannot become a write: SQLITE_BUSY_SNAPSHOT at once, without
  // the busy timeout. It is rolled back, so it is run again on a fresh snapshot. Not BEGIN IMMEDIATE, which would
  // lock the attached search index too: during a bulk import that is its writer thread's, and the two would wait
  // on each other (a 250,000-cable import lost 33 cables to "database is locked" so).
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

async function writePostgres(store: Store, records: CableRecord[]): Promise<WrittenRecords> {
  // Repeated ids inside one batch would make ON CONFLICT see its own row; keep the first.
  const seen = new Set<string>();
  const unique = records.filter((r) => !seen.has(r.id) && seen.add(r.id));
  // Ids already archived take no row number. Outside a caller's transaction the numbers are taken in a statement
  // of their own, committed before the batch is written, so another batch (of this import or of another process)
  // can take its numbers and be written at the same time. Inside one (a release archives with its numbering and
  // deliveries), all goes in that transaction.
  const fresh = await notArchived(store.db, unique);
  const seqs = await reserveSeqs(store.db, fresh);
  const write = (tx: Transaction<Database>) => insertPostgres(tx, fresh, seqs);
  let ids: string[] = [];
  if (store.db.isTransaction) ids = await write(store.db as Transaction<Database>);
  else if (fresh.length > 0) ids = await store.db.transaction().execute(write);
  const inserted = new Set(ids);
  const written = fresh.filter((r) => inserted.has(r.id));
  return { inserted: written.length, skipped: records.length - written.length, written };
}

/**
 * The records whose id the archive does not hold yet, so that no row number is taken for a cable already there (a
 * second import of the same files). One written meanwhile by another transaction is still skipped by the insert.
 */
async function notArchived(db: Kysely<Database>, records: CableRecord[]): Promise<CableRecord[]> {
  if (records.length === 0) return records;
  const ids = records.map((r) => r.id);
  const held = await db
    .selectFrom("cables")
    .select("id")
    .where(oneOf(db, "id", ids))
    .execute();
  if (held.length === 0) return records;
  const archived = new Set(held.map((h) => h.id));
  return records.filter((r) => !archived.has(r.id));
}

/** Writes the cables and all their rows under the row numbers given (`seqs[i]` for `unique[i]`); answers their ids. */
async function insertPostgres(tx: Transaction<Database>, unique: CableRecord[], seqs: number[]): Promise<string[]> {
  if (unique.length === 0) return [];
  const col = <T>(f: (r: CableRecord) => T) => unique.map(f);
  // The side tables' rows, keyed by the row numbers just assigned; each sub-insert keeps those of the cables
  // the first one wrote (an id already archived is skipped with all its rows).
  const pairs = (f: (r: CableRecord) => string[]) => {
    const keys: number[] = [];
    const values: string[] = [];
    unique.forEach((r, i) => {
      for (const v of new Set(f(r))) {
        keys.push(seqs[i]!);
        values.push(v);
      }
    });
    return [keys, values] as const;
  };
  const [tagSeqs, tags] = pairs((r) => r.tags);
  const [caveatSeqs, caveats] = pairs((r) => r.caveats);
  const [grantSeqs, grants] = pairs((r) => r.grants);
  const refs = unique.flatMap((r, i) => r.refs.map((ref, ord) => ({ seq: seqs[i]!, ord, ...ref })));
  const texts = unique.map((r) => {
    const subject = ftsText(r.fts.subject);
    const body = ftsText(r.fts.body);
    return { subject, body, pairs: [...wordPairs(subject), ...wordPairs(body)].join("|") };
  });
  // One statement, so one round trip, for the cable and all its rows: a release makes about 25 in all, and
  // each costs the server's per-statement work besides the wire.
  const rows = await sql<{ seq: string; id: string }>`
    WITH c AS (
      INSERT INTO cables (seq, id, subject, dtg, year, origin, classification, class_rank, precedence,
        needs_access, captioned, source, archived_at)
      SELECT * FROM unnest(${seqs}::bigint[], ${col((r) => r.id)}::text[], ${col((r) => r.subject)}::text[],
        ${col((r) => r.dtg)}::text[], ${col((r) => r.year)}::int[], ${col((r) => r.origin)}::text[],
        ${col((r) => r.classification)}::text[], ${col((r) => r.classRank)}::int[],
        ${col((r) => r.precedence)}::text[], ${col((r) => (r.caveats.length > 0 ? 1 : 0))}::int[],
        ${col((r) => (r.captioned ? 1 : 0))}::int[], ${col((r) => r.source)}::text[],
        ${col((r) => r.archivedAt)}::text[])
      ON CONFLICT (id) DO NOTHING
      RETURNING seq, id
    ), texts AS (
      INSERT INTO cable_texts (seq, model, raw, parse_hints)
      SELECT * FROM unnest(${seqs}::bigint[], ${col((r) => r.model)}::text[], ${col((r) => r.raw)}::text[],
        ${col((r) => r.parseHints)}::text[]) AS t(s, m, r, h)
      WHERE s IN (SELECT seq FROM c)
    ), tags AS (
      INSERT INTO cable_tags (seq, tag)
      SELECT * FROM unnest(${tagSeqs}::bigint[], ${tags}::text[]) AS t(s, v) WHERE s IN (SELECT seq FROM c)
    ), caveats AS (
      INSERT INTO cable_caveats (seq, caveat)
      SELECT * FROM unnest(${caveatSeqs}::bigint[], ${caveats}::text[]) AS t(s, v) WHERE s IN (SELECT seq FROM c)
    ), grants AS (
      INSERT INTO cable_grants (seq, grant_key)
      SELECT * FROM unnest(${grantSeqs}::bigint[], ${grants}::text[]) AS t(s, v) WHERE s IN (SELECT seq FROM c)
    ), refs AS (
      INSERT INTO cable_refs (seq, ord, label, ref_id, text)
      SELECT * FROM unnest(${refs.map((r) => r.seq)}::bigint[], ${refs.map((r) => r.ord)}::int[],
        ${refs.map((r) => r.label)}::text[], ${refs.map((r) => r.refId)}::text[],
        ${refs.map((r) => r.text)}::text[]) AS t(s, o, l, i, x)
      WHERE s IN (SELECT seq FROM c)
    ), fts AS (
      -- The access locks and the subject's words go beside the tsvector too (migration 0010): a search then
      -- reads cable_fts alone. The word pairs of the subject and of the body are lexemes too, for phrases
      -- (migration 0013); '|' is in no word ftsText makes.
      INSERT INTO cable_fts (seq, tsv, subj, class_rank, needs_access, captioned)
      SELECT s, subj || setweight(to_tsvector('simple', b), 'B') || setweight(to_tsvector('simple', m), 'D')
        || array_to_tsvector(string_to_array(w, '|')), subj, k, n, p
      FROM (SELECT s, setweight(to_tsvector('simple', a), 'A') AS subj, b, m, w, k, n, p
        FROM unnest(${seqs}::bigint[], ${texts.map((t) => t.subject)}::text[], ${texts.map((t) => t.body)}::text[],
          ${col((r) => r.fts.meta)}::text[], ${texts.map((t) => t.pairs)}::text[],
          ${col((r) => r.classRank)}::int[], ${col((r) => (r.caveats.length > 0 ? 1 : 0))}::int[],
          ${col((r) => (r.captioned ? 1 : 0))}::int[]) AS t(s, a, b, m, w, k, n, p)
        WHERE s IN (SELECT seq FROM c)) AS t
    )
    SELECT seq, id FROM c`.execute(tx);
  return rows.rows.map((r) => r.id);
}

/**
 * Takes row numbers for a PostgreSQL batch, the next ones of each DTG minute (migration 0016). Run outside a
 * transaction, the statement commits at once, so two batches never wait on each other for their numbers and never
 * get the same ones. A number a batch takes and does not use (it failed, or another wrote one of its cables
 * first) is left unused: a minute has room for SLOTS of them.
 */
async function reserveSeqs(db: Kysely<Database>, records: CableRecord[]): Promise<number[]> {
  if (records.length === 0) return [];
  const bases = records.map((r) => dateBucket(r.dtg) * SLOTS);
  const wanted = new Map<number, number>();
  for (const base of bases) wanted.set(base, (wanted.get(base) ?? 0) + 1);
  // In base order, so that two batches sharing minutes lock their rows in the same order and cannot deadlock.
  const ordered = [...wanted].sort((a, b) => a[0] - b[0]);
  const { rows } = await sql<{ base: string; top: string }>`
    INSERT INTO cable_seq_tops AS t (base, top)
    SELECT b, b + n - 1 FROM unnest(${ordered.map(([b]) => b)}::bigint[], ${ordered.map(([, n]) => n)}::bigint[])
      AS u(b, n) ORDER BY b
    ON CONFLICT (base) DO UPDATE SET top = t.top + (excluded.top - excluded.base + 1)
    RETURNING base, top`.execute(db);
  const next = new Map<number, number>();
  for (const row of rows) {
    const base = Number(row.base);
    const top = Number(row.top);
    if (top >= base + SLOTS) throw new Error(`more than ${SLOTS} cables dated in one minute`);
    next.set(base, top - wanted.get(base)! + 1);
  }
  return bases.map((base) => {
    const seq = next.get(base)!;
    next.set(base, seq + 1);
    return seq;
  });
}
