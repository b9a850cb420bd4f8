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

/**
 * Words no indexed word pair holds (PostgreSQL, migration 0013): the commonest function words. A pair such as
 * "of the" matches nearly every cable, so it would narrow no phrase search, while pairs with them ("the kosovo",
 * "kosovo and") are more than half of a cable's distinct pairs, each one more key for GIN to insert.
 */
export const PAIR_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a an and are as at be been but by could for from had has have he her his i if in into is it its no not of on " +
    "or our over said she should so some such than that the their them there these they this those to was we were " +
    "which while who will with would you"
  ).split(" "),
);

/**
 * Starts every pair's lexeme: a word prefix (`counc*`, 'counc':*) must not match the pair "council met", whose
 * lexeme has no positions and would spoil the phrase and rank arithmetic. '~' is in no word ftsText makes.
 */
export const PAIR_MARK = "~";

/** Longer words make no pair: a pair is one lexeme, and PostgreSQL's are at most 2,047 bytes. */
const PAIR_WORD_MAX = 500;

/**
 * The distinct pairs of adjacent words of a text as ftsText gives it, as lexemes ("~security council"), leaving
 * out pairs with a stop word: what PostgreSQL indexes beside the words so that phrases are found by the index.
 * @example wordPairs("the security council met") // ["~security council", "~council met"]
 */
export function wordPairs(normalised: string): string[] {
  const words = normalised.split(" ");
  const pairs = new Set<string>();
  for (let i = 1; i < words.length; i++) {
    const a = words[i - 1]!;
    const b = words[i]!;
    if (PAIR_STOP_WORDS.has(a) || PAIR_STOP_WORDS.has(b) || a.length > PAIR_WORD_MAX || b.length > PAIR_WORD_MAX) {
      continue;
    }
    if (a.length > 0 && b.length > 0) pairs.add(`${PAIR_MARK}${a} ${b}`);
  }
  return [...pairs];
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
 *
 * On PostgreSQL a phrase in the text is narrowed by its word pairs, which the index holds as lexemes (migration
 * 0013, `wordPairs`): a two-word phrase without a stop word is its pair alone, exact without a look at the row;
 * otherwise the pairs it has and the phrase itself, so GIN rechecks only the rows holding every pair.
 * `{ pairs: false }` writes phrases with `<->` alone, for tsvectors without pairs (the `subj` column) and for
 * ranking, which reads positions.
 * @example ftsExpression("sqlite", [{ words: ["kosovo"], prefix: false, column: "text" }], [])
 * // '({subject body} : "kosovo")'
 * @example ftsExpression("postgres", [{ words: ["security", "council"], prefix: false, column: "text" }], [])
 * // "(('~security council'))"
 */
export function ftsExpression(
  dialect: Dialect,
  positive: FtsTerm[],
  negative: FtsTerm[],
  options: { pairs?: boolean } = {},
): string {
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
    const phrase = `(${words.join(" <-> ")})`;
    if (options.pairs === false || t.column !== "text" || t.words.length < 2) return phrase;
    // A prefix's last word is not whole, so its pair is not in the index.
    const whole = t.prefix ? t.words.slice(0, -1) : t.words;
    const pairs = wordPairs(whole.join(" "));
    if (pairs.length === 0) return phrase;
    const lexemes = pairs.map((p) => `'${p}'`).join(" & ");
    return pairs.length === t.words.length - 1 && t.words.length === 2 ? `(${lexemes})` : `(${lexemes} & ${phrase})`;
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
    : // Cast, not to_tsquery: its parser would split a word pair's lexeme ('security council') back into a phrase.
      // The words are ftsText's already, which is all the 'simple' configuration would make of them.
      sql<SqlBool>`${sql.ref(`${alias}.tsv`)} @@ ${expression}::tsquery`;
}

/**
 * The relevance score of a matching row, lower is better on both dialects: BM25 on SQLite, minus ts_rank on
 * PostgreSQL. The subject weighs four times the body; `meta` (fielded filters) weighs nothing.
 * @example sql`SELECT ${ftsScore("sqlite", expr)} AS score FROM cable_fts f WHERE ...`
 */
export function ftsScore(dialect: Dialect, expression: string, alias = "f"): RawBuilder<number> {
  return dialect === "sqlite"
    ? sql<number>`bm25(${sql.ref(`${alias}.cable_fts`)}, 4.0, 1.0, 0.0)`
    : sql<number>`(-ts_rank('{0, 0, 0.25, 1}', ${sql.ref(`${alias}.tsv`)}, ${expression}::tsquery))::float8`;
}
