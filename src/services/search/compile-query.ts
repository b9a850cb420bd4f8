// Turns a parsed query into what the store runs: index terms (text and fielded), exclusions and a date range.
import { englishStem } from "../../store/english-stem.ts";
import { ftsWords, metaToken, type FtsTerm } from "../../store/full-text.ts";
import { isoDay, nextDay } from "../../core/index.ts";
import type { DeclFilter, SearchQuery } from "../../core/search-language.ts";

/** A `decl:` filter with `due` resolved to the day the search runs: a condition on the declassification schedule. */
export type DeclCondition = { negated: boolean; filter: Exclude<DeclFilter, { kind: "due" }> };

/** A query ready for the store. */
export type CompiledQuery = {
  /** Index terms every match must have (words, phrases and fielded filters). */
  positive: FtsTerm[];
  /** Index terms no match may have. */
  negative: FtsTerm[];
  /** The positive words and phrases (not filters): what relevance ranks and snippets highlight. */
  highlight: FtsTerm[];
  /** The DTG must be at or after `from` and before `to` (ISO instants); null when unbounded. */
  from: string | null;
  to: string | null;
  /** Conditions on the cable's declassification review (migration 0027). */
  decl: DeclCondition[];
  /** A stable digest of all the above: a cursor is only valid for the query it came from. */
  fingerprint: string;
};

/**
 * Compiles a parsed query. A word with no letters or digits (`--`) is dropped, and a word the index cuts in
 * several (`case-by-case`, `1.4(b)`) becomes a phrase of those words. An unquoted word to find (not a prefix, not
 * excluded) carries its English stem, so "recognized" finds "recognizing" too; a quoted word or phrase is exact.
 * `decl:due` means due by the day of `now`: review date before the next day.
 * @example compileQuery(parseSearchQuery("tag:PREL kosovo")).positive
 * // [{ words: ["kosovo"], prefix: false, column: "text" }, { words: ["tagprel"], prefix: false, column: "meta" }]
 */
export function compileQuery(query: SearchQuery, now: Date = new Date()): CompiledQuery {
  const compiled: CompiledQuery = {
    positive: [],
    negative: [],
    highlight: [],
    from: null,
    to: null,
    decl: [],
    fingerprint: "",
  };
  for (const term of query.terms) {
    const words = ftsWords(term.text);
    if (words.length === 0) continue;
    const fts: FtsTerm = { words, prefix: term.prefix, column: "text" };
    if (term.kind === "word" && words.length === 1 && !term.prefix && !term.negated) fts.stem = englishStem(words[0]!);
    if (term.negated) compiled.negative.push(fts);
    else {
      compiled.positive.push(fts);
      compiled.highlight.push(fts);
    }
  }
  for (const filter of query.filters) {
    if (filter.field === "from" || filter.field === "to") {
      const bound = filter.bound;
      if (filter.field === "from")
        compiled.from = compiled.from === null || bound > compiled.from ? bound : compiled.from;
      else compiled.to = compiled.to === null || bound < compiled.to ? bound : compiled.to;
      continue;
    }
    if (filter.field === "decl") {
      const d = filter.decl;
      const resolved = d.kind === "due" ? { kind: "range" as const, from: null, to: nextDay(isoDay(now)) } : d;
      compiled.decl.push({ negated: filter.negated, filter: resolved });
      continue;
    }
    const fts: FtsTerm = { words: [metaToken(filter.field, filter.value)], prefix: false, column: "meta" };
    (filter.negated ? compiled.negative : compiled.positive).push(fts);
  }
  compiled.fingerprint = digest(
    JSON.stringify([
      ...[compiled.positive, compiled.negative, compiled.from, compiled.to].map(canonical),
      compiled.decl.map((d) => JSON.stringify(d)).sort(),
    ]),
  );
  return compiled;
}

/** Order-independent form of a term list, so `a b` and `b a` share cursors. */
function canonical(value: FtsTerm[] | string | null): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((t) => JSON.stringify(t)).sort();
}

/** FNV-1a, 32 bits, hex: short and stable; cursors only need to tell queries apart, not resist forgery. */
function digest(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}
