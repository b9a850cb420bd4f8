// Cable records into PostgreSQL: array inserts, one statement for a batch's cables and all their rows. A batch takes
// its row numbers in a statement of its own (migration 0016), so batches can be written at once. PostgreSQL's
// parser cuts words differently from ftsText, so the full-text columns get ftsText's form, with the word pairs.
import { sql, type Kysely, type Transaction } from "kysely";
import type { ArchiveWrites } from "../archive-writes.ts";
import type { CableRecord } from "../cable-record.ts";
import type { WrittenRecords } from "../cable-writes.ts";
import type { Database } from "../database.ts";
import { dateBucket, SLOTS } from "../date-seq.ts";
import { ftsText } from "../full-text.ts";
import { lockKeyOf } from "../lock-key.ts";
import { oneOf } from "../one-of.ts";
import { postgresRederive } from "./postgres-rederive.ts";
import { stemLexemes } from "./stem-lexemes.ts";
import { wordPairs } from "./word-pairs.ts";

/**
 * The archive writes of the PostgreSQL database (or transaction) `db`.
 * @example await postgresCableWrites(db).write([record]) // { inserted: 1, skipped: 0 }
 */
export function postgresCableWrites(db: Kysely<Database>): ArchiveWrites {
  return { write: (records) => writePostgres(db, records), rederive: (batch) => postgresRederive(db, batch) };
}

async function writePostgres(db: Kysely<Database>, records: CableRecord[]): Promise<WrittenRecords> {
  // Repeated ids inside one batch would make ON CONFLICT see its own row; keep the first.
  const seen = new Set<string>();
  const unique = records.filter((r) => !seen.has(r.id) && seen.add(r.id));
  // Ids already archived take no row number. Outside a caller's transaction the numbers are taken in a statement
  // of their own, committed before the batch is written, so another batch (of this import or of another process)
  // can take its numbers and be written at the same time. Inside one (a release archives with its numbering and
  // deliveries), all goes in that transaction.
  const fresh = await notArchived(db, unique);
  const seqs = await reserveSeqs(db, fresh);
  const write = (tx: Transaction<Database>) => insertPostgres(tx, fresh, seqs);
  let ids: string[] = [];
  if (db.isTransaction) ids = await write(db as Transaction<Database>);
  else if (fresh.length > 0) ids = await db.transaction().execute(write);
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
    return {
      subject,
      body,
      pairs: [...wordPairs(subject), ...wordPairs(body), ...stemLexemes(subject, body)].join("|"),
    };
  });
  // One statement, so one round trip, for the cable and all its rows: a release makes dozens in all, and
  // each costs the server's per-statement work besides the wire.
  const rows = await sql<{ seq: string; id: string }>`
    WITH c AS (
      INSERT INTO cables (seq, id, subject, dtg, year, origin, classification, class_rank, precedence,
        needs_access, captioned, source, archived_at, parser_version)
      SELECT * FROM unnest(${seqs}::bigint[], ${col((r) => r.id)}::text[], ${col((r) => r.subject)}::text[],
        ${col((r) => r.dtg)}::text[], ${col((r) => r.year)}::int[], ${col((r) => r.origin)}::text[],
        ${col((r) => r.classification)}::text[], ${col((r) => r.classRank)}::int[],
        ${col((r) => r.precedence)}::text[], ${col((r) => (r.caveats.length > 0 ? 1 : 0))}::int[],
        ${col((r) => (r.captioned ? 1 : 0))}::int[], ${col((r) => r.source)}::text[],
        ${col((r) => r.archivedAt)}::text[], ${col((r) => r.parserVersion)}::text[])
      ON CONFLICT (id) DO NOTHING
      RETURNING seq, id
    ), texts AS (
      INSERT INTO cable_texts (seq, model, raw, parse_hints, derived_digest)
      SELECT * FROM unnest(${seqs}::bigint[], ${col((r) => r.model)}::text[], ${col((r) => r.raw)}::text[],
        ${col((r) => r.parseHints)}::text[], ${col((r) => r.derivedDigest)}::text[]) AS t(s, m, r, h, d)
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
    ), declass AS (
      INSERT INTO cable_declass (seq, review_on, basis, source, reason, origin, classification, class_rank,
        needs_access, captioned, lock_key, due_on)
      SELECT s, o, b, u, e, g, c, k, n, p, l, o FROM unnest(${seqs}::bigint[], ${col((r) => r.declass.reviewOn)}::text[],
        ${col((r) => r.declass.basis)}::text[], ${col((r) => r.declass.source)}::text[],
        ${col((r) => r.declass.reason)}::text[], ${col((r) => r.origin)}::text[],
        ${col((r) => r.classification)}::text[], ${col((r) => r.classRank)}::int[],
        ${col((r) => (r.caveats.length > 0 ? 1 : 0))}::int[], ${col((r) => (r.captioned ? 1 : 0))}::int[],
        ${col(lockKeyOf)}::text[]) AS t(s, o, b, u, e, g, c, k, n, p, l)
      WHERE s IN (SELECT seq FROM c)
    ), fts AS (
      -- The access locks and the subject's words go beside the tsvector too (migration 0010): a search then
      -- reads cable_fts alone. The word pairs of the subject and of the body are lexemes too, for phrases
      -- (migration 0013), and so are the words' stems (migration 0023); '|' is in no word ftsText makes.
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
