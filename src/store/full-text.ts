// Full text in both dialects: one tokeniser, the fielded-filter tokens, and the match and score SQL per dialect.
//
// Words are runs of letters and digits, lower case, without diacritics: what SQLite FTS5's unicode61 tokeniser
// (categories L* N*, remove_diacritics 2) cuts. PostgreSQL's parser cuts differently (e-mail addresses, URLs,
// hyphenated words), so it is given ftsText's form, and a query means the same thing on both. Queries and snippets
// cut their words with ftsWords. Fielded filters (tag:, origin:, ...) are words too, in a third column (`meta`, weight D on
// PostgreSQL), so the inverted index answers them as fast as it answers words, and no text word can match them.
import { sql, type RawBuilder, type SqlBool } from "kysely";
import type { Dialect } from "./open-store.ts";

/** The fields whose values become `meta` tokens; the prefix keeps fields apart (`tagprel`, `orgstate`). */
export const META_PREFIX = {
  tag: "tag",
  origin: "org",
  class: "cls",
  prec: "prc",
  addressee: "adr",
  ref: "ref",
  /** Access tokens (access-index.ts): which readers a cable is open to, so the index can skip the rest. */
  access: "acc",
} as const;
export type MetaField = keyof typeof META_PREFIX;

/**
 * The words of a text as the index sees them: letters and digits, lower case, diacritics removed.
 * @example ftsWords("Kosovo's UNSC-1244 débat") // ["kosovo", "s", "unsc", "1244", "debat"]
 */
export function ftsWords(text: string): string[] {
  return ftsText(text)
    .split(" ")
    .filter((w) => w.length > 0);
}

/**
 * A text normalised for indexing: its words separated by single spaces (see `ftsWords`).
 * @example ftsText("REF: 07 STATE 166909") // "ref 07 state 166909"
 */
export function ftsText(text: string): string {
  // Most of a cable is ASCII: only runs of other characters get the (costly) Unicode folding.
  const lower = text.toLowerCase();
  const folded = NON_ASCII.test(lower) ? lower.replace(NON_ASCII_RUNS, foldRun) : lower;
  return folded.replace(/[^a-z0-9\u0080-\uffff]+/g, " ").trim();
}

/** Folds a run of non-ASCII characters: diacritics dropped, compatibility forms expanded, the rest a space. */
function foldRun(run: string): string {
  return run
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ");
}

const NON_ASCII_RUNS = /[\u0080-\uffff]+/g;
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * The index token standing for a field's value; the value is reduced to its letters and digits.
 * @example metaToken("tag", "OVIP (CLINTON, HILLARY)") // "tagovipclintonhillary"
 * @example metaToken("addressee", "USUN NEW YORK") // "adrusunnewyork"
 */
export function metaToken(field: MetaField, value: string): string {
  return META_PREFIX[field] + ftsWords(value).join("");
}

/** One search term for the index: a word or phrase (its words), optionally a prefix, in the text or in `meta`. */
export type FtsTerm = { words: string[]; prefix: boolean; column: "text" | "subject" | "meta" };

const SQLITE_COLUMNS: Record<FtsTerm["column"], string> = { text: "{subject body}", subject: "subject", meta: "meta" };
// No weight on text and meta words: a weighted lexeme makes GIN recheck every hit against its tsvector (read from
// TOAST, ~50 µs each). Meta words cannot be mistaken for text words in practice: they are a field code glued to a
// value (`tagprel`, `accopen0`).
const PG_WEIGHTS: Record<FtsTerm["column"], string> = { text: "", subject: "A", meta: "" };

/**
 * The dialect's match expression for "all of `positive` and none of `negative`". With no positive terms it is
 * "any of `negative`", which the caller excludes (an index cannot match a pure negation).
 * @example ftsExpression("sqlite", [{ words: ["kosovo"], prefix: false, column: "text" }], [])
 * // '({subject body} : "kosovo")'
 */
export function ftsExpression(dialect: Dialect, positive: FtsTerm[], negative: FtsTerm[]): string {
  if (dialect === "sqlite") {
    const term = (t: FtsTerm) => `${SQLITE_COLUMNS[t.column]} : "${t.words.join(" ")}"${t.prefix ? " *" : ""}`;
    const pos = positive.length > 0 ? `(${positive.map(term).join(" AND ")})` : "";
    const neg = negative.length > 0 ? `(${negative.map(term).join(" OR ")})` : "";
    return pos && neg ? `${pos} NOT ${neg}` : pos || neg;
  }
  const term = (t: FtsTerm) => {
    const weights = PG_WEIGHTS[t.column];
    const words = t.words.map((w, i) => {
      const label = `${t.prefix && i === t.words.length - 1 ? "*" : ""}${weights}`;
      return label === "" ? `'${w}'` : `'${w}':${label}`;
    });
    return `(${words.join(" <-> ")})`;
  };
  const pos = positive.length > 0 ? `(${positive.map(term).join(" & ")})` : "";
  const neg = negative.length > 0 ? `(${negative.map(term).join(" | ")})` : "";
  return pos && neg ? `${pos} & !${neg}` : pos || neg;
}

/**
 * The row id column of the full-text table under alias `f`: joins it to `cables.seq`.
 * @example sql`... JOIN cables c ON c.seq = ${ftsSeq("sqlite")}`
 */
export function ftsSeq(dialect: Dialect, alias = "f"): RawBuilder<number> {
  return sql.ref(`${alias}.${dialect === "sqlite" ? "rowid" : "seq"}`);
}

/**
 * The condition "row `alias` of cable_fts matches `expression`" (an expression from `ftsExpression`).
 * @example sql`SELECT count(*) FROM cable_fts f WHERE ${ftsMatch("sqlite", expr)}`
 */
export function ftsMatch(dialect: Dialect, expression: string, alias = "f"): RawBuilder<SqlBool> {
  return dialect === "sqlite"
    ? sql<SqlBool>`${sql.ref(`${alias}.cable_fts`)} MATCH ${expression}`
    : sql<SqlBool>`${sql.ref(`${alias}.tsv`)} @@ to_tsquery('simple', ${expression})`;
}

/**
 * The relevance score of a matching row, lower is better on both dialects: BM25 on SQLite, minus ts_rank on
 * PostgreSQL. The subject weighs four times the body; `meta` (fielded filters) weighs nothing.
 * @example sql`SELECT ${ftsScore("sqlite", expr)} AS score FROM cable_fts f WHERE ...`
 */
export function ftsScore(dialect: Dialect, expression: string, alias = "f"): RawBuilder<number> {
  return dialect === "sqlite"
    ? sql<number>`bm25(${sql.ref(`${alias}.cable_fts`)}, 4.0, 1.0, 0.0)`
    : sql<number>`(-ts_rank('{0, 0, 0.25, 1}', ${sql.ref(`${alias}.tsv`)}, to_tsquery('simple', ${expression})))::float8`;
}
