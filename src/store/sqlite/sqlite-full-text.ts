// Full-text SQL for SQLite's FTS5 table cable_fts: the match expression, the condition and the score.
import { sql, type RawBuilder, type SqlBool } from "kysely";
import { stemAlternatives, type FtsTerm } from "../full-text.ts";

const SQLITE_COLUMNS: Record<FtsTerm["column"], string> = { text: "{subject body}", subject: "subject", meta: "meta" };

/**
 * FTS5's match expression for "all of `positive` and none of `negative`". With no positive terms it is "any of
 * `negative`", which the caller excludes (an index cannot match a pure negation). A stemmed word in the text is
 * the word or its stem in `stems` (or the stem as a word: see stemAlternatives).
 * @example sqliteFtsExpression([{ words: ["kosovo"], prefix: false, column: "text" }], [])
 * // '({subject body} : "kosovo")'
 * @example sqliteFtsExpression([{ words: ["recognized"], prefix: false, column: "text", stem: "recogn" }], [])
 * // '(({subject body} : "recognized" OR stems : "recogn" OR {subject body} : "recogn"))'
 */
export function sqliteFtsExpression(positive: FtsTerm[], negative: FtsTerm[]): string {
  const exact = (t: FtsTerm) => `${SQLITE_COLUMNS[t.column]} : "${t.words.join(" ")}"${t.prefix ? " *" : ""}`;
  const term = (t: FtsTerm) => {
    const alternatives = t.column === "text" ? stemAlternatives(t) : null;
    if (alternatives === null) return exact(t);
    const word = alternatives.word === null ? "" : ` OR ${SQLITE_COLUMNS.text} : "${alternatives.word}"`;
    return `(${exact(t)} OR stems : "${alternatives.stem}"${word})`;
  };
  const pos = positive.length > 0 ? `(${positive.map(term).join(" AND ")})` : "";
  const neg = negative.length > 0 ? `(${negative.map(term).join(" OR ")})` : "";
  return pos && neg ? `${pos} NOT ${neg}` : pos || neg;
}

/** The row id column of the full-text table under alias `f`: joins it to `cables.seq`. */
export const FTS_SEQ: RawBuilder<number> = sql.ref("f.rowid");

/**
 * The condition "row `f` of cable_fts matches `expression`" (an expression from `sqliteFtsExpression`).
 * @example sql`SELECT count(*) FROM cable_fts f WHERE ${sqliteFtsMatch(expr)}`
 */
export function sqliteFtsMatch(expression: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref("f.cable_fts")} MATCH ${expression}`;
}

/**
 * The relevance score of a matching row `f`, lower is better: BM25, the subject weighing four times the body, and
 * `meta` (fielded filters) and `stems` nothing, so a cable with a query word as written ranks above one with only
 * another form of it.
 * @example sql`SELECT ${sqliteFtsScore()} AS score FROM cable_fts f WHERE ...`
 */
export function sqliteFtsScore(): RawBuilder<number> {
  return sql<number>`bm25(${sql.ref("f.cable_fts")}, 4.0, 1.0, 0.0, 0.0)`;
}
