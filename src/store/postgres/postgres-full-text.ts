// Full-text SQL for PostgreSQL's cable_fts (a tsvector per cable): the tsquery, the condition and the score.
import { sql, type RawBuilder, type SqlBool } from "kysely";
import { stemAlternatives, type FtsTerm } from "../full-text.ts";
import { STEM_MARK } from "./stem-lexemes.ts";
import { wordPairs } from "./word-pairs.ts";

// No weight on text and meta words: a weighted lexeme makes GIN recheck every hit against its tsvector (read from
// TOAST). Meta words cannot be mistaken for text words in practice: they are a field code glued to a value
// (`tagprel`, `accopen0`).
const PG_WEIGHTS: Record<FtsTerm["column"], string> = { text: "", subject: "A", meta: "" };

/**
 * The tsquery for "all of `positive` and none of `negative`". With no positive terms it is "any of `negative`",
 * which the caller excludes (an index cannot match a pure negation).
 *
 * A phrase in the text is narrowed by its word pairs, which the index holds as lexemes (migration 0013,
 * `wordPairs`): a two-word phrase without a stop word is its pair alone, exact without a look at the row;
 * otherwise the pairs it has and the phrase itself, so GIN rechecks only the rows holding every pair.
 * `{ pairs: false }` writes phrases with `<->` alone, for tsvectors without pairs (the `subj` column) and for
 * ranking, which reads positions; it also leaves out stems, so that ranking weighs only words as written.
 *
 * A stemmed word in the text is the word or its stem lexeme (migration 0023, stemLexemes), or the stem as a word.
 * @example postgresFtsExpression([{ words: ["security", "council"], prefix: false, column: "text" }], [])
 * // "(('~security council'))"
 * @example postgresFtsExpression([{ words: ["states"], prefix: false, column: "text", stem: "state" }], [])
 * // "((('states') | '^state' | 'state'))"
 */
export function postgresFtsExpression(
  positive: FtsTerm[],
  negative: FtsTerm[],
  options: { pairs?: boolean } = {},
): string {
  const term = (t: FtsTerm) => {
    const alternatives = t.column === "text" && options.pairs !== false ? stemAlternatives(t) : null;
    if (alternatives === null) return exact(t);
    const word = alternatives.word === null ? "" : ` | '${alternatives.word}'`;
    return `(${exact(t)} | '${STEM_MARK}${alternatives.stem}'${word})`;
  };
  const exact = (t: FtsTerm) => {
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

/** The row number column of the full-text table under alias `f`: joins it to `cables.seq`. */
export const FTS_SEQ: RawBuilder<number> = sql.ref("f.seq");

/**
 * The condition "row `f` of cable_fts matches `expression`" (an expression from `postgresFtsExpression`).
 * @example sql`SELECT count(*) FROM cable_fts f WHERE ${postgresFtsMatch(expr)}`
 */
export function postgresFtsMatch(expression: string): RawBuilder<SqlBool> {
  // Cast, not to_tsquery: its parser would split a word pair's lexeme ('security council') back into a phrase.
  // The words are ftsText's already, which is all the 'simple' configuration would make of them.
  return sql<SqlBool>`${sql.ref("f.tsv")} @@ ${expression}::tsquery`;
}

/**
 * The relevance score of a matching row `f`, lower is better: minus ts_rank, the subject weighing four times the
 * body and `meta` (fielded filters) nothing.
 * @example sql`SELECT ${postgresFtsScore(expr)} AS score FROM cable_fts f WHERE ...`
 */
export function postgresFtsScore(expression: string): RawBuilder<number> {
  return sql<number>`(-ts_rank('{0, 0, 0.25, 1}', ${sql.ref("f.tsv")}, ${expression}::tsquery))::float8`;
}
