// The access rule as SQL: the condition every cable query carries, so lists, totals and facets agree with mayRead.
import { sql, type RawBuilder, type SqlBool } from "kysely";
import { classificationRank, CLASSIFICATIONS } from "../../core/index.ts";
import { parserVersion } from "../archive/parser-version.ts";
import { normaliseName, readerGrantKeys } from "./access-rule.ts";
import { EVERYTHING, type Reader } from "./reader.ts";

/**
 * Narrows a query on `cables` (under the alias `table`) to what `reader` may read, per ACCESS_RULE. It reads the
 * locks stored beside each cable (class_rank, cable_caveats, cable_grants), which `locksOf` computed on archiving.
 * Every cable query passes through here; a cable it excludes is "not found". So does an imported cable whose locks
 * another parser derived (migration 0032), for everyone, until it is derived again: its locks may be weaker than
 * those of the cable this process would show.
 * @example db.selectFrom("cables as c").selectAll().where(readableBy(reader, "c"))
 */
export function readableBy(reader: Reader, table = "c"): RawBuilder<SqlBool> {
  const version = sql.ref(`${table}.parser_version`);
  const current = sql<SqlBool>`(${version} IS NULL OR ${version} = ${parserVersion()})`;
  return sql<SqlBool>`(${current} AND ${lockedRowsReadableBy(reader, table, CABLE_LOCKS)})`;
}

/**
 * The access rule on PostgreSQL's full-text row `table` (cable_fts), which carries a copy of its cable's locks
 * (migration 0010) but not its parser version: a search adds `derivedByThisParser` on the row number for that.
 * @example sql`FROM cable_fts f WHERE ${indexRowReadableBy(reader, "f")}`
 */
export function indexRowReadableBy(reader: Reader, table = "f"): RawBuilder<SqlBool> {
  return lockedRowsReadableBy(reader, table, CABLE_LOCKS);
}

/**
 * The condition that the cable numbered `seq` was not derived by another parser, for queries that do not read its
 * cables row (a search's index rows). The cables another parser derived are found once a statement through their
 * index (none, once the archive follows this parser), not looked up row by row; a full-text row could not carry the
 * version without rewriting its index entries whenever the version moves.
 * @example sql`FROM cable_fts f WHERE ${derivedByThisParser(sql.ref("f.seq"))}`
 */
export function derivedByThisParser(seq: RawBuilder<number>): RawBuilder<SqlBool> {
  // Two ranges rather than `<>`, which neither engine answers from an index.
  return sql<SqlBool>`${seq} NOT IN ${cablesOfOtherParsers()}`;
}

/**
 * The row numbers of the cables another parser derived, which no one may read until they are derived again (see
 * derivedByThisParser): for counts kept apart from the cables, to take those rows back out.
 * @example sql`SELECT count(*) FROM cable_declass d WHERE d.seq IN ${cablesOfOtherParsers()}`
 */
export function cablesOfOtherParsers(): RawBuilder<unknown> {
  const v = parserVersion();
  return sql`(SELECT s.seq FROM cables s WHERE s.parser_version < ${v} OR s.parser_version > ${v})`;
}

/** Where a kind of locked row keeps its locks: its key column and the side tables of caveats and grants. */
type LockTables = { key: string; caveats: string; grants: string; sideKey: string };

const CABLE_LOCKS: LockTables = { key: "seq", caveats: "cable_caveats", grants: "cable_grants", sideKey: "seq" };
const EVENT_LOCKS: LockTables = {
  key: "id",
  caveats: "position_event_caveats",
  grants: "position_event_grants",
  sideKey: "event_id",
};

/**
 * Narrows a query on `position_events` (under the alias `table`) to the events `reader` may see, by the same rule
 * and the same locks as cables (an event carries at least its source cables' locks, see recordPosition).
 * @example db.selectFrom("position_events as e").selectAll().where(eventReadableBy(reader, "e"))
 */
export function eventReadableBy(reader: Reader, table = "e"): RawBuilder<SqlBool> {
  return lockedRowsReadableBy(reader, table, EVENT_LOCKS);
}

function lockedRowsReadableBy(reader: Reader, table: string, locks: LockTables): RawBuilder<SqlBool> {
  const col = (name: string) => sql.ref(`${table}.${name}`);
  const key = col(locks.key);
  const caveatTable = sql.table(locks.caveats);
  const grantTable = sql.table(locks.grants);
  const caveatKey = sql.ref(`k.${locks.sideKey}`);
  const grantKey = sql.ref(`g.${locks.sideKey}`);
  const parts: RawBuilder<unknown>[] = [];
  const rank = classificationRank(reader.clearance);
  if (rank < CLASSIFICATIONS.length - 1) parts.push(sql`${col("class_rank")} <= ${rank}`);

  const accesses = [...new Set(reader.accesses.map(normaliseName))];
  if (accesses.length === 0) parts.push(sql`${col("needs_access")} = 0`);
  else if (!accesses.includes(EVERYTHING)) {
    parts.push(
      sql`(${col("needs_access")} = 0 OR NOT EXISTS (SELECT 1 FROM ${caveatTable} k WHERE ${caveatKey} = ${key} AND ${caveatNotIn(accesses)}))`,
    );
  }

  const keys = readerGrantKeys(reader);
  if (keys !== EVERYTHING) {
    if (keys.size === 0) parts.push(sql`${col("captioned")} = 0`);
    else {
      parts.push(
        sql`(${col("captioned")} = 0 OR EXISTS (SELECT 1 FROM ${grantTable} g WHERE ${grantKey} = ${key} AND g.grant_key IN (${sql.join([...keys])})))`,
      );
    }
  }
  if (parts.length === 0) return sql<SqlBool>`1 = 1`;
  return sql<SqlBool>`(${sql.join(parts, sql` AND `)})`;
}

/**
 * `k.caveat NOT IN (accesses)` as the ranges between the accesses (below the first, between each two, above the
 * last), which an index on the caveat answers by reading only the caveats outside them: PostgreSQL hashes this
 * condition's rows once a statement, and with NOT IN that meant every caveat row of the archive (migration 0015).
 * The accesses are sorted in code point order (UTF-8 bytes), the order of the column's collation on both dialects.
 * @example caveatNotIn(["NOFORN", "FGI"]) // (k.caveat < 'FGI' OR (k.caveat > 'FGI' AND k.caveat < 'NOFORN') OR k.caveat > 'NOFORN')
 */
function caveatNotIn(accesses: readonly string[]): RawBuilder<SqlBool> {
  const sorted = [...new Set(accesses)].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  if (sorted.length === 0) return sql<SqlBool>`1 = 1`;
  const ranges: RawBuilder<unknown>[] = [sql`k.caveat < ${sorted[0]}`];
  for (let i = 1; i < sorted.length; i++) ranges.push(sql`(k.caveat > ${sorted[i - 1]} AND k.caveat < ${sorted[i]})`);
  ranges.push(sql`k.caveat > ${sorted[sorted.length - 1]}`);
  return sql<SqlBool>`(${sql.join(ranges, sql` OR `)})`;
}
