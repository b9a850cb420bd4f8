// The full-text tokeniser, pure: the words of a text and the fielded-filter tokens, the same on both engines. The
// match and score SQL is each engine's (sqlite/sqlite-full-text.ts, postgres/postgres-full-text.ts).
//
// Words are runs of letters and digits, lower case, without diacritics: what SQLite FTS5's unicode61 tokeniser
// (categories L* N*, remove_diacritics 2) cuts. PostgreSQL's parser cuts differently (e-mail addresses, URLs,
// hyphenated words), so it is given ftsText's form, and a query means the same thing on both. Queries and snippets
// cut their words with ftsWords. Fielded filters (tag:, origin:, ...) are words too, in a third column (`meta`, weight D on
// PostgreSQL), so the inverted index answers them as fast as it answers words, and no text word can match them.
// English stems are indexed beside the words (indexStems): an unquoted query word finds its other forms too.
import { englishStem } from "./english-stem.ts";

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

/**
 * One search term for the index: a word or phrase (its words), optionally a prefix, in the text or in `meta`. A term
 * with a `stem` (an unquoted word in the text) also matches the words sharing that stem (see `indexStems`).
 */
export type FtsTerm = { words: string[]; prefix: boolean; column: "text" | "subject" | "meta"; stem?: string };

/**
 * The stems a text's words are indexed under beside the words themselves: the distinct English stems (english-stem.ts)
 * that differ from their word. A word that is its own stem is found as a word, so it needs no stem entry, which
 * keeps the index small. Exact words are indexed apart from stems, so that they can rank first.
 * @example indexStems("Recognized and recognizing, not recognition") // ["recogn", "recognit"]
 */
export function indexStems(text: string): string[] {
  const stems = new Set<string>();
  // A cable repeats its words: each distinct one is stemmed once.
  for (const word of new Set(ftsWords(text))) {
    const stem = englishStem(word);
    if (stem !== word) stems.add(stem);
  }
  return [...stems];
}

/**
 * What a stemmed query word matches besides itself: its stem among the stems (`indexStems`) and, when the stem
 * differs from the word and may be a word of its own ("states" → "state"), that word, which is indexed as a word
 * only (a word that is its own stem has no stem entry).
 * @example stemAlternatives({ words: ["states"], prefix: false, column: "text", stem: "state" })
 * // { stem: "state", word: "state" }
 * @example stemAlternatives({ words: ["state"], prefix: false, column: "text", stem: "state" })
 * // { stem: "state", word: null }
 */
export function stemAlternatives(term: FtsTerm): { stem: string; word: string | null } | null {
  if (term.stem === undefined) return null;
  const word = term.stem !== term.words[0] && englishStem(term.stem) === term.stem ? term.stem : null;
  return { stem: term.stem, word };
}
