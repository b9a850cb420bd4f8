// `column IN (...)` for lists that may be long (a cable's 280 addressees): on PostgreSQL one array parameter,
// `= any($1)`, instead of one parameter per value, which the driver serialises and the server parses one by one.
import { sql, type Kysely, type RawBuilder } from "kysely";
import type { Database } from "./database.ts";
import { dialectOf } from "./dialect-of.ts";

/**
 * A condition that `column` (a text column, possibly qualified: "c.name") is one of `values`, written for the
 * dialect of `db`. An empty list matches nothing.
 * @example db.selectFrom("posts").selectAll().where(oneOf(db, "name", names))
 */
export function oneOf(db: Kysely<Database>, column: string, values: readonly string[]): RawBuilder<boolean> {
  if (values.length === 0) return sql<boolean>`false`;
  if (dialectOf(db) === "postgres") return sql<boolean>`${sql.ref(column)} = any(${values}::text[])`;
  return sql<boolean>`${sql.ref(column)} in (${sql.join(values)})`;
}
