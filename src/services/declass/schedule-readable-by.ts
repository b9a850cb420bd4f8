// The access rule on a schedule row (cable_declass), which carries a copy of its cable's locks but not the version
// of the parser that derived them: as on a search's index rows, the version is checked by row number.
import { sql, type RawBuilder, type SqlBool } from "kysely";
import { derivedByThisParser, indexRowReadableBy, type Reader } from "../access/index.ts";

/**
 * Narrows a query on `cable_declass` (under `alias`) to the cables `reader` may read, by the cable's copied locks,
 * and never a cable another parser derived until it is derived again.
 * @example sql`SELECT count(*) FROM cable_declass d WHERE ${scheduleRowReadableBy(reader, "d")}`
 */
export function scheduleRowReadableBy(reader: Reader, alias: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${indexRowReadableBy(reader, alias)} AND ${derivedByThisParser(sql.ref(`${alias}.seq`))})`;
}
