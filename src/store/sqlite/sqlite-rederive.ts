// Re-derived cable records into SQLite (rederiveArchive): the search index file's rows first, in a transaction of
// their own, then the archive's rows and the new parser version in one transaction. The two files commit apart
// (attached databases in WAL mode are atomic each, not together): in this order a crash in between leaves a cable
// with new index words but its old version, which no one may read, and the next run derives it again.
import type BetterSqlite3 from "better-sqlite3";
import type { RederivedBatch } from "../archive-writes.ts";
import { prepareIndexing, SEARCH_SCHEMA } from "../search-index.ts";
import { REDERIVED_DUE_ON } from "../rederived-due-on.ts";
import { declassRowOf } from "./sqlite-cable-writes.ts";

/** Times a transaction is tried when another process's commit got in between its first read and its first write. */
const SNAPSHOT_ATTEMPTS = 5;

const prepared = new WeakMap<BetterSqlite3.Database, ReturnType<typeof prepare>>();

function prepare(db: BetterSqlite3.Database) {
  return {
    unindex: db.prepare(`DELETE FROM ${SEARCH_SCHEMA}.cable_fts WHERE rowid = ?`),
    index: prepareIndexing(db, SEARCH_SCHEMA),
    cable: db.prepare(
      `UPDATE cables SET subject = ?, dtg = ?, year = ?, origin = ?, classification = ?, class_rank = ?,
         precedence = ?, needs_access = ?, captioned = ?, parser_version = ? WHERE seq = ?`,
    ),
    digest: db.prepare(`UPDATE cable_texts SET derived_digest = ? WHERE seq = ?`),
    confirm: db.prepare(`UPDATE cables SET parser_version = ? WHERE seq = ?`),
    // The declassification schedule row carries the cable's date, E.O. line and a copy of its locks; a review's
    // settling (in the reading room) or extension stands. An update, not a REPLACE, whose delete would not fire
    // the due counts' trigger (migration 0033).
    declass: db.prepare(
      `INSERT INTO cable_declass (seq, review_on, basis, source, reason, origin, classification,
         class_rank, needs_access, captioned, lock_key, due_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (seq) DO UPDATE SET review_on = excluded.review_on, basis = excluded.basis,
         source = excluded.source, reason = excluded.reason, origin = excluded.origin,
         classification = excluded.classification, class_rank = excluded.class_rank,
         needs_access = excluded.needs_access, captioned = excluded.captioned, lock_key = excluded.lock_key,
         due_on = ${REDERIVED_DUE_ON}`,
    ),
    dropTags: db.prepare(`DELETE FROM cable_tags WHERE seq = ?`),
    tag: db.prepare(`INSERT OR IGNORE INTO cable_tags (seq, tag) VALUES (?, ?)`),
    dropRefs: db.prepare(`DELETE FROM cable_refs WHERE seq = ?`),
    ref: db.prepare(`INSERT INTO cable_refs (seq, ord, label, ref_id, text) VALUES (?, ?, ?, ?, ?)`),
    dropCaveats: db.prepare(`DELETE FROM cable_caveats WHERE seq = ?`),
    caveat: db.prepare(`INSERT OR IGNORE INTO cable_caveats (seq, caveat) VALUES (?, ?)`),
    dropGrants: db.prepare(`DELETE FROM cable_grants WHERE seq = ?`),
    grant: db.prepare(`INSERT OR IGNORE INTO cable_grants (seq, grant_key) VALUES (?, ?)`),
  };
}

/**
 * Writes a batch of re-derived records into the SQLite archive `db` and its attached search index.
 * @example sqliteRederive(handle, { rewritten: [], confirmed: [7], version: "3f9c2a7d1e0b4c55" })
 */
export function sqliteRederive(db: BetterSqlite3.Database, batch: RederivedBatch): void {
  let st = prepared.get(db);
  if (!st) prepared.set(db, (st = prepare(db)));
  const s = st;
  // FTS5 writes out its buffer whenever a row id is not above the last one: in row order.
  const searched = batch.rewritten.filter((r) => r.rewrite.search).sort((a, b) => a.seq - b.seq);
  if (searched.length > 0) {
    retried(
      db.transaction(() => {
        for (const { seq, record } of searched) {
          s.unindex.run(seq);
          s.index({ seq, subject: record.fts.subject, body: record.fts.body, meta: record.fts.meta });
        }
      }),
    );
  }
  retried(
    db.transaction(() => {
      for (const { seq, record: r, rewrite } of batch.rewritten) {
        s.cable.run(
          r.subject,
          r.dtg,
          r.year,
          r.origin,
          r.classification,
          r.classRank,
          r.precedence,
          r.caveats.length > 0 ? 1 : 0,
          r.captioned ? 1 : 0,
          r.parserVersion,
          seq,
        );
        s.digest.run(r.derivedDigest, seq);
        s.declass.run(...declassRowOf(seq, r));
        if (rewrite.tags) {
          s.dropTags.run(seq);
          for (const tag of r.tags) s.tag.run(seq, tag);
        }
        if (rewrite.refs) {
          s.dropRefs.run(seq);
          r.refs.forEach((ref, i) => s.ref.run(seq, i, ref.label, ref.refId, ref.text));
        }
        if (rewrite.caveats) {
          s.dropCaveats.run(seq);
          for (const caveat of r.caveats) s.caveat.run(seq, caveat);
        }
        if (rewrite.grants) {
          s.dropGrants.run(seq);
          for (const grant of r.grants) s.grant.run(seq, grant);
        }
      }
      for (const seq of batch.confirmed) s.confirm.run(batch.version, seq);
    }),
  );
}

/** Runs a transaction, again on a fresh snapshot when another process's commit made it stale (see writeSqlite). */
function retried(run: () => void): void {
  for (let attempt = 1; ; attempt += 1) {
    try {
      run();
      return;
    } catch (error) {
      if (attempt >= SNAPSHOT_ATTEMPTS || (error as { code?: unknown }).code !== "SQLITE_BUSY_SNAPSHOT") throw error;
    }
  }
}
