// Re-derived cable records into PostgreSQL (rederiveArchive): the cables rows, side rows, digests and full-text rows
// (with their copy of the locks, migration 0010) in one transaction, so that a cable's new locks and its new version
// become visible together, and until then it keeps its old version, which no one may read. A full-text row is written
// only when its words or locks changed: updating one writes all its GIN index entries again.
import { sql, type Kysely, type Transaction } from "kysely";
import type { RederivedBatch, RederivedRecord } from "../archive-writes.ts";
import type { Database } from "../database.ts";
import { ftsText } from "../full-text.ts";
import { lockKeyOf } from "../lock-key.ts";
import { REDERIVED_DUE_ON } from "../rederived-due-on.ts";
import { stemLexemes } from "./stem-lexemes.ts";
import { wordPairs } from "./word-pairs.ts";

/**
 * Writes a batch of re-derived records in one transaction (the caller's when `db` is one).
 * @example await postgresRederive(db, { rewritten: [], confirmed: [7], version: "3f9c2a7d1e0b4c55" })
 */
export async function postgresRederive(db: Kysely<Database>, batch: RederivedBatch): Promise<void> {
  if (batch.rewritten.length === 0 && batch.confirmed.length === 0) return;
  if (db.isTransaction) await writeBatch(db as Transaction<Database>, batch);
  else await db.transaction().execute((tx) => writeBatch(tx, batch));
}

async function writeBatch(tx: Transaction<Database>, batch: RederivedBatch): Promise<void> {
  const { rewritten, confirmed, version } = batch;
  if (confirmed.length > 0) {
    await sql`UPDATE cables SET parser_version = ${version} WHERE seq = ANY(${confirmed}::bigint[])`.execute(tx);
  }
  if (rewritten.length === 0) return;
  const seqs = rewritten.map((r) => r.seq);
  const col = <T>(f: (r: RederivedRecord["record"]) => T) => rewritten.map((r) => f(r.record));
  const needsAccess = col((r) => (r.caveats.length > 0 ? 1 : 0));
  const captioned = col((r) => (r.captioned ? 1 : 0));
  await sql`UPDATE cables c SET subject = u.subject, dtg = u.dtg, year = u.year, origin = u.origin,
      classification = u.classification, class_rank = u.class_rank, precedence = u.precedence,
      needs_access = u.needs_access, captioned = u.captioned, parser_version = u.version
    FROM unnest(${seqs}::bigint[], ${col((r) => r.subject)}::text[], ${col((r) => r.dtg)}::text[],
      ${col((r) => r.year)}::int[], ${col((r) => r.origin)}::text[], ${col((r) => r.classification)}::text[],
      ${col((r) => r.classRank)}::int[], ${col((r) => r.precedence)}::text[], ${needsAccess}::int[],
      ${captioned}::int[], ${col((r) => r.parserVersion)}::text[])
      AS u(seq, subject, dtg, year, origin, classification, class_rank, precedence, needs_access, captioned, version)
    WHERE c.seq = u.seq`.execute(tx);
  await sql`UPDATE cable_texts t SET derived_digest = u.digest
    FROM unnest(${seqs}::bigint[], ${col((r) => r.derivedDigest)}::text[]) AS u(seq, digest)
    WHERE t.seq = u.seq`.execute(tx);
  // The declassification schedule row carries the cable's date, E.O. line and a copy of its locks: all re-derived;
  // what a review decided stands (REDERIVED_DUE_ON).
  await sql`INSERT INTO cable_declass (seq, review_on, basis, source, reason, origin, classification, class_rank,
      needs_access, captioned, lock_key, due_on)
    SELECT s, o, b, u, e, g, c, k, n, p, l, o FROM unnest(${seqs}::bigint[], ${col((r) => r.declass.reviewOn)}::text[],
      ${col((r) => r.declass.basis)}::text[], ${col((r) => r.declass.source)}::text[],
      ${col((r) => r.declass.reason)}::text[], ${col((r) => r.origin)}::text[],
      ${col((r) => r.classification)}::text[], ${col((r) => r.classRank)}::int[], ${needsAccess}::int[],
      ${captioned}::int[], ${col(lockKeyOf)}::text[]) AS t(s, o, b, u, e, g, c, k, n, p, l)
    ON CONFLICT (seq) DO UPDATE SET review_on = excluded.review_on, basis = excluded.basis, source = excluded.source,
      reason = excluded.reason, origin = excluded.origin, classification = excluded.classification,
      class_rank = excluded.class_rank, needs_access = excluded.needs_access, captioned = excluded.captioned,
      lock_key = excluded.lock_key, due_on = ${sql.raw(REDERIVED_DUE_ON)}`.execute(tx);
  await rewriteSide(tx, rewritten, "tags", "cable_tags", "tag", (r) => r.tags);
  await rewriteSide(tx, rewritten, "caveats", "cable_caveats", "caveat", (r) => r.caveats);
  await rewriteSide(tx, rewritten, "grants", "cable_grants", "grant_key", (r) => r.grants);
  const cited = rewritten.filter((r) => r.rewrite.refs);
  if (cited.length > 0) {
    const refs = cited.flatMap(({ seq, record }) => record.refs.map((ref, ord) => ({ seq, ord, ...ref })));
    await sql`DELETE FROM cable_refs WHERE seq = ANY(${cited.map((r) => r.seq)}::bigint[])`.execute(tx);
    await sql`INSERT INTO cable_refs (seq, ord, label, ref_id, text)
      SELECT * FROM unnest(${refs.map((r) => r.seq)}::bigint[], ${refs.map((r) => r.ord)}::int[],
        ${refs.map((r) => r.label)}::text[], ${refs.map((r) => r.refId)}::text[], ${refs.map((r) => r.text)}::text[])`.execute(
      tx,
    );
  }
  // The index row's words, and its copy of the locks, which a search filters on, go with the cables row.
  const locked = rewritten.filter((r) => r.rewrite.locks && !r.rewrite.search);
  if (locked.length > 0) {
    const lockCol = <T>(f: (r: RederivedRecord["record"]) => T) => locked.map((r) => f(r.record));
    await sql`UPDATE cable_fts f SET class_rank = u.class_rank, needs_access = u.needs_access, captioned = u.captioned
      FROM unnest(${locked.map((r) => r.seq)}::bigint[], ${lockCol((r) => r.classRank)}::int[],
        ${lockCol((r) => (r.caveats.length > 0 ? 1 : 0))}::int[], ${lockCol((r) => (r.captioned ? 1 : 0))}::int[])
        AS u(seq, class_rank, needs_access, captioned)
      WHERE f.seq = u.seq`.execute(tx);
  }
  const searched = rewritten.filter((r) => r.rewrite.search);
  if (searched.length > 0) {
    // As postgres-cable-writes.ts indexes a cable: subject (A), body (B), words (D), word pairs and stems.
    const texts = searched.map(({ record }) => {
      const subject = ftsText(record.fts.subject);
      const body = ftsText(record.fts.body);
      const pairs = [...wordPairs(subject), ...wordPairs(body), ...stemLexemes(subject, body)].join("|");
      return { subject, body, meta: record.fts.meta, pairs };
    });
    const searchCol = <T>(f: (r: RederivedRecord["record"]) => T) => searched.map((r) => f(r.record));
    await sql`UPDATE cable_fts f SET
        tsv = t.subj || setweight(to_tsvector('simple', t.b), 'B') || setweight(to_tsvector('simple', t.m), 'D')
          || array_to_tsvector(string_to_array(t.w, '|')),
        subj = t.subj, class_rank = t.k, needs_access = t.n, captioned = t.p
      FROM (SELECT s, setweight(to_tsvector('simple', a), 'A') AS subj, b, m, w, k, n, p
        FROM unnest(${searched.map((r) => r.seq)}::bigint[], ${texts.map((t) => t.subject)}::text[],
          ${texts.map((t) => t.body)}::text[], ${texts.map((t) => t.meta)}::text[], ${texts.map((t) => t.pairs)}::text[],
          ${searchCol((r) => r.classRank)}::int[], ${searchCol((r) => (r.caveats.length > 0 ? 1 : 0))}::int[],
          ${searchCol((r) => (r.captioned ? 1 : 0))}::int[]) AS u(s, a, b, m, w, k, n, p)) AS t
      WHERE f.seq = t.s`.execute(tx);
  }
}

/** Replaces the side rows `table.column` of the records whose `part` changed. */
async function rewriteSide(
  tx: Transaction<Database>,
  rewritten: readonly RederivedRecord[],
  part: "tags" | "caveats" | "grants",
  table: string,
  column: string,
  values: (r: RederivedRecord["record"]) => string[],
): Promise<void> {
  const changed = rewritten.filter((r) => r.rewrite[part]);
  if (changed.length === 0) return;
  const keys: number[] = [];
  const rows: string[] = [];
  for (const { seq, record } of changed) {
    for (const v of new Set(values(record))) {
      keys.push(seq);
      rows.push(v);
    }
  }
  await sql`DELETE FROM ${sql.table(table)} WHERE seq = ANY(${changed.map((r) => r.seq)}::bigint[])`.execute(tx);
  await sql`INSERT INTO ${sql.table(table)} (seq, ${sql.ref(column)})
    SELECT * FROM unnest(${keys}::bigint[], ${rows}::text[])`.execute(tx);
}
