// Migration 0033: the due list's counts kept as they change (issue 20). Each schedule row gains the day it is next
// due (due_on: its review date, or the date an extension set, or none once the cable is in the reading room), the
// extension's date, and the key of its cable's locks (lock-key.ts). declass_due_counts holds how many rows are due
// in each month, by origin, classification and lock key; triggers on cable_declass keep it in the writing
// transaction, whichever statement writes the row (archiving, scheduling, re-derivation, a review's decision).
import { sql, type Kysely, type RawBuilder } from "kysely";
import { lockKeyOf } from "../lock-key.ts";
import type { Dialect } from "../open-store.ts";

/** Row numbers a statement updates at a time. */
const BATCH = 1000;

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await sql`ALTER TABLE cable_declass ADD COLUMN lock_key text NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE cable_declass ADD COLUMN extended_to text`.execute(db);
  await sql`ALTER TABLE cable_declass ADD COLUMN due_on text`.execute(db);
  await fillLockKeys(db);
  await sql`UPDATE cable_declass SET extended_to = (SELECT x.review_on FROM declass_reviews x
      JOIN cables c ON c.id = x.cable_id WHERE c.seq = cable_declass.seq AND x.outcome = 'extend'
      ORDER BY x.decided_at DESC LIMIT 1)
    WHERE seq IN (SELECT c.seq FROM declass_reviews x JOIN cables c ON c.id = x.cable_id WHERE x.outcome = 'extend')`.execute(
    db,
  );
  await sql`UPDATE cable_declass SET due_on = coalesce(extended_to, review_on)
    WHERE seq NOT IN (SELECT seq FROM reading_room)`.execute(db);
  // The due list's page and the review queue: the next due rows in order, and the access rule's columns beside them.
  await sql`CREATE INDEX cable_declass_due_on ON cable_declass
    (due_on, class_rank, needs_access, captioned, origin, classification, seq) WHERE due_on IS NOT NULL`.execute(db);

  await db.schema
    .createTable("declass_due_counts")
    /** YYYY-MM of due_on. */
    .addColumn("month", "text", (c) => c.notNull())
    /** '' for none: key columns cannot be null. */
    .addColumn("origin", "text", (c) => c.notNull())
    .addColumn("classification", "text", (c) => c.notNull())
    .addColumn("lock_key", "text", (c) => c.notNull())
    .addColumn("n", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("declass_due_counts_pk", ["month", "origin", "classification", "lock_key"])
    .execute();
  await sql`INSERT INTO declass_due_counts (month, origin, classification, lock_key, n)
    SELECT substr(due_on, 1, 7), coalesce(origin, ''), coalesce(classification, ''), lock_key, count(*)
    FROM cable_declass WHERE due_on IS NOT NULL GROUP BY 1, 2, 3, 4`.execute(db);
  if (dialect === "sqlite") await sqliteTriggers(db);
  else await postgresTriggers(db);
}

/** Each schedule row's lock key, from its cable's rank, caption and caveat and grant rows. */
async function fillLockKeys(db: Kysely<unknown>): Promise<void> {
  const side = async (query: RawBuilder<{ seq: number | string; v: string }>) => {
    const bySeq = new Map<number, string[]>();
    for (const row of (await query.execute(db)).rows) {
      const seq = Number(row.seq);
      bySeq.set(seq, [...(bySeq.get(seq) ?? []), row.v]);
    }
    return bySeq;
  };
  const caveats = await side(sql<{ seq: number | string; v: string }>`SELECT seq, caveat AS v FROM cable_caveats`);
  const grants = await side(sql<{ seq: number | string; v: string }>`SELECT seq, grant_key AS v FROM cable_grants`);
  const rows = await sql<{ seq: number | string; class_rank: number; captioned: number }>`
    SELECT seq, class_rank, captioned FROM cable_declass`.execute(db);
  const seqsOfKey = new Map<string, number[]>();
  for (const row of rows.rows) {
    const seq = Number(row.seq);
    const key = lockKeyOf({
      classRank: Number(row.class_rank),
      caveats: caveats.get(seq) ?? [],
      captioned: Number(row.captioned) === 1,
      grants: grants.get(seq) ?? [],
    });
    seqsOfKey.set(key, [...(seqsOfKey.get(key) ?? []), seq]);
  }
  for (const [key, seqs] of seqsOfKey) {
    for (let i = 0; i < seqs.length; i += BATCH) {
      await sql`UPDATE cable_declass SET lock_key = ${key}
        WHERE seq IN (${sql.join(seqs.slice(i, i + BATCH))})`.execute(db);
    }
  }
}

async function sqliteTriggers(db: Kysely<unknown>): Promise<void> {
  const key = (row: "new" | "old") =>
    sql.raw(`substr(${row}.due_on, 1, 7), coalesce(${row}.origin, ''), coalesce(${row}.classification, ''),
      ${row}.lock_key`);
  const where = (row: "old") =>
    sql.raw(`month = substr(${row}.due_on, 1, 7) AND origin = coalesce(${row}.origin, '')
      AND classification = coalesce(${row}.classification, '') AND lock_key = ${row}.lock_key`);
  const add = sql`INSERT INTO declass_due_counts (month, origin, classification, lock_key, n)
    SELECT ${key("new")}, 1 WHERE new.due_on IS NOT NULL
    ON CONFLICT (month, origin, classification, lock_key) DO UPDATE SET n = n + 1;`;
  const remove = sql`UPDATE declass_due_counts SET n = n - 1 WHERE old.due_on IS NOT NULL AND ${where("old")};`;
  await sql`CREATE TRIGGER cable_declass_counts_insert AFTER INSERT ON cable_declass BEGIN ${add} END`.execute(db);
  await sql`CREATE TRIGGER cable_declass_counts_delete AFTER DELETE ON cable_declass BEGIN ${remove} END`.execute(db);
  await sql`CREATE TRIGGER cable_declass_counts_update
    AFTER UPDATE OF due_on, origin, classification, lock_key ON cable_declass BEGIN ${remove} ${add} END`.execute(db);
}

/**
 * One function for the three triggers, a statement at a time: the rows a statement removed count -1 and those it
 * added +1, summed by key, so a batch of 2,000 cables makes one upsert of its few keys, in key order (two
 * transactions then take the counts' row locks in the same order).
 */
async function postgresTriggers(db: Kysely<unknown>): Promise<void> {
  const keyed = (rows: string, sign: number) =>
    `SELECT substr(due_on, 1, 7) AS m, coalesce(origin, '') AS o, coalesce(classification, '') AS c, lock_key AS k,
       ${sign} AS d FROM ${rows} WHERE due_on IS NOT NULL`;
  const upsert = (deltas: string) => `INSERT INTO declass_due_counts AS t (month, origin, classification, lock_key, n)
      SELECT m, o, c, k, sum(d) FROM (${deltas}) AS x GROUP BY m, o, c, k HAVING sum(d) <> 0 ORDER BY m, o, c, k
      ON CONFLICT (month, origin, classification, lock_key) DO UPDATE SET n = t.n + excluded.n;`;
  await sql
    .raw(
      `CREATE FUNCTION cable_declass_counts() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        ${upsert(keyed("added", 1))}
      ELSIF TG_OP = 'DELETE' THEN
        ${upsert(keyed("removed", -1))}
      ELSE
        ${upsert(`${keyed("removed", -1)} UNION ALL ${keyed("added", 1)}`)}
      END IF;
      RETURN NULL;
    END $$`,
    )
    .execute(db);
  await sql`CREATE TRIGGER cable_declass_counts_insert AFTER INSERT ON cable_declass
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION cable_declass_counts()`.execute(db);
  await sql`CREATE TRIGGER cable_declass_counts_delete AFTER DELETE ON cable_declass
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION cable_declass_counts()`.execute(db);
  await sql`CREATE TRIGGER cable_declass_counts_update AFTER UPDATE ON cable_declass
    REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION cable_declass_counts()`.execute(
    db,
  );
}
