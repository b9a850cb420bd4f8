// Queries of a fixed shape, built and compiled by Kysely once per database and then run with new parameters. Kysely
// builds an operation tree and compiles it to SQL on every call; on the release path, which runs dozens of small
// statements, that costs as much CPU as SQLite takes to run them. The SQL still comes from the query builder, so both
// dialects keep one query.
import type { Compilable, CompiledQuery, Kysely, QueryResult } from "kysely";
import type { Database } from "./database.ts";

/** A prepared query: run it on a database or a transaction with the arguments the builder took. */
export type PreparedQuery<A extends unknown[], R> = (db: Kysely<Database>, ...args: A) => Promise<QueryResult<R>>;

type Template = { compiled: CompiledQuery; slots: (number | null)[] };

// A placeholder per argument, a string nobody writes: the builder puts each where the argument's parameter goes.
const placeholder = (index: number) => `\u0000prepared-query-argument-${index}\u0000`;

/**
 * Prepares a query whose shape does not depend on its arguments: each argument must become one bound parameter
 * (a value compared, inserted or set; an array bound whole, as PostgreSQL's `= any(?)` takes it), never a list of
 * them (`in`), a literal or a part of the SQL. That each is bound exactly once is checked when the query is first
 * compiled.
 * @example
 * const draftById = preparedQuery((db, id: string) => db.selectFrom("drafts").selectAll().where("id", "=", id))
 * const [row] = (await draftById(tx, draftId)).rows
 */
export function preparedQuery<A extends unknown[], R>(
  build: (db: Kysely<Database>, ...args: A) => Compilable<R>,
): PreparedQuery<A, R> {
  // The SQL depends only on the dialect, whose adapter a database shares with its transactions.
  const templates = new WeakMap<object, Template>();
  return async (db, ...args) => {
    const adapter = db.getExecutor().adapter;
    let template = templates.get(adapter);
    if (!template) templates.set(adapter, (template = compileTemplate(db, build, args.length)));
    const parameters = template.compiled.parameters.map((value, i) => {
      const slot = template.slots[i];
      return slot === null || slot === undefined ? value : args[slot];
    });
    return db.executeQuery<R>({ ...template.compiled, parameters } as CompiledQuery<R>);
  };
}

function compileTemplate<A extends unknown[], R>(
  db: Kysely<Database>,
  build: (db: Kysely<Database>, ...args: A) => Compilable<R>,
  arity: number,
): Template {
  const placeholders = Array.from({ length: arity }, (_, i) => placeholder(i));
  const compiled = build(db, ...(placeholders as A)).compile();
  const slots = compiled.parameters.map((value) => {
    const index = placeholders.indexOf(value as string);
    return index === -1 ? null : index;
  });
  for (let i = 0; i < arity; i++) {
    if (slots.filter((s) => s === i).length !== 1 || compiled.sql.includes(placeholders[i]!)) {
      throw new Error(`preparedQuery: argument ${i} of ${JSON.stringify(compiled.sql)} is not exactly one parameter`);
    }
  }
  return { compiled, slots };
}
