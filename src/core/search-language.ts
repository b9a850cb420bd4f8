// The search query language: words, "phrases", -exclusions and field:value filters, parsed into an AST. Pure.
import { DECLASS_BASES, type DeclassBasis } from "./declass/declass-basis.ts";

/** The syntax in brief, for the CLI's --help, the README and the web app. */
export const SEARCH_HELP = `Search syntax (all parts must match; case does not matter):
  kosovo recognition        cables containing both words (anywhere in subject or text)
  kosov*                    words starting with "kosov"
  "security council"        the exact phrase
  "recognize"               the word as written; unquoted, its other forms match too (recognized, recognizing)
  -serbia  -"veto threat"   exclude a word or a phrase; any filter below can be excluded too (-tag:ECON)
  tag:PREL                  TAGS code (tag:OVIP also matches person tags such as OVIP (CLINTON, HILLARY))
  origin:STATE              originating station (origin:PARIS, origin:USUN...)
  addressee:PARIS           an action or info addressee (PARIS, "AMEMBASSY PARIS", USUN, STATE, RUEHFR)
  ref:07STATE166909         cables whose REF block cites this cable
  class:CONFIDENTIAL        classification: UNCLASSIFIED (U), "LIMITED OFFICIAL USE" (LOU), CONFIDENTIAL (C),
                            SECRET (S), "TOP SECRET" (TS), UNKNOWN
  prec:IMMEDIATE            precedence: FLASH, IMMEDIATE, PRIORITY, ROUTINE, or NIACT (any NIACT addressee)
  from:2008-01-01           dated on or after (YYYY, YYYY-MM or YYYY-MM-DD)
  to:2009-12-31             dated on or before, the whole day, month or year included
  decl:due                  due for declassification review by today; decl:2019 (review date in 2019, or a month
                            or day), decl:<2020-01-01 (also <=, >, >=), decl:none (never due), decl:oadr (why:
                            date, period, downgrade, gds, exemption, oadr, manual-review, event, no-instruction)
Quote a value with spaces: addressee:"USUN NEW YORK". Sort by relevance (words and phrases) or by date.`;

export const SEARCH_FIELDS = ["tag", "origin", "addressee", "ref", "class", "prec", "from", "to", "decl"] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** A word or phrase to find in the subject and text. `text` is as typed; the index decides what its words are. */
export type SearchTerm = {
  kind: "word" | "phrase";
  text: string;
  /** `kosov*`: the last word is a prefix. */
  prefix: boolean;
  negated: boolean;
  /** 0-based offset of the term in the query. */
  position: number;
};

/** A field filter. Values are normalised: class and prec to their vocabulary, ref to a canonical id. */
export type SearchFilter =
  | {
      field: "tag" | "origin" | "addressee" | "ref" | "class" | "prec";
      value: string;
      negated: boolean;
      position: number;
    }
  /** `from`/`to`: `bound` is the ISO instant the DTG must be at or after (from) or before (to, exclusive). */
  | { field: "from" | "to"; value: string; bound: string; negated: false; position: number }
  /** `decl:`: the declassification review date or its reason; `value` as typed, upper case. */
  | { field: "decl"; value: string; decl: DeclFilter; negated: boolean; position: number };

/**
 * What a `decl:` filter asks of a cable's review date: due by the day the search runs (`due`), none (`none`, never
 * due), a reason (`basis`), or a range of ISO dates, `from` included and `to` excluded (null: unbounded).
 */
export type DeclFilter =
  | { kind: "due" }
  | { kind: "none" }
  | { kind: "basis"; basis: DeclassBasis }
  | { kind: "range"; from: string | null; to: string | null };

export type SearchQuery = { kind: "query"; terms: SearchTerm[]; filters: SearchFilter[] };

/** Why a query could not be read, and where (0-based offset into the query). */
export type SearchQueryError = { code: "BAD_QUERY"; position: number; message: string };

const MAX_QUERY_LENGTH = 1000;
const MAX_PARTS = 32;

const CLASS_ALIASES: Record<string, string> = {
  U: "UNCLASSIFIED",
  UNCLAS: "UNCLASSIFIED",
  UNCLASSIFIED: "UNCLASSIFIED",
  LOU: "LIMITED OFFICIAL USE",
  "LIMITED OFFICIAL USE": "LIMITED OFFICIAL USE",
  C: "CONFIDENTIAL",
  CONFIDENTIAL: "CONFIDENTIAL",
  S: "SECRET",
  SECRET: "SECRET",
  TS: "TOP SECRET",
  "TOP SECRET": "TOP SECRET",
  UNKNOWN: "UNKNOWN",
};

const PREC_ALIASES: Record<string, string> = {
  Z: "FLASH",
  FLASH: "FLASH",
  O: "IMMEDIATE",
  IMMEDIATE: "IMMEDIATE",
  P: "PRIORITY",
  PRIORITY: "PRIORITY",
  R: "ROUTINE",
  ROUTINE: "ROUTINE",
  NIACT: "NIACT",
  "NIACT IMMEDIATE": "NIACT",
};

const CABLE_ID = /^(\d{2})([A-Z]+)(\d{1,7})$/;

class QueryError extends Error {
  constructor(
    readonly position: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Parses a search query (see SEARCH_HELP) into its terms and filters, or says what is wrong and where.
 * @example parseSearchQuery('kosovo -"veto threat" tag:PREL')
 * // { kind: "query", terms: [{ kind: "word", text: "kosovo", ... }, { kind: "phrase", text: "veto threat", negated: true, ... }],
 * //   filters: [{ field: "tag", value: "PREL", negated: false, position: 21 }] }
 * @example parseSearchQuery('"security council') // { code: "BAD_QUERY", position: 0, message: "unclosed quote ..." }
 */
export function parseSearchQuery(q: string): SearchQuery | SearchQueryError {
  try {
    return readQuery(q);
  } catch (error) {
    if (error instanceof QueryError) return { code: "BAD_QUERY", position: error.position, message: error.message };
    throw error;
  }
}

/**
 * Type guard separating a parse error from a query.
 * @example isSearchQueryError(parseSearchQuery("tag:")) // true
 */
export function isSearchQueryError(value: SearchQuery | SearchQueryError): value is SearchQueryError {
  return "code" in value;
}

function readQuery(q: string): SearchQuery {
  if (q.length > MAX_QUERY_LENGTH) {
    throw new QueryError(MAX_QUERY_LENGTH, `the query is longer than ${MAX_QUERY_LENGTH} characters`);
  }
  const query: SearchQuery = { kind: "query", terms: [], filters: [] };
  let i = 0;
  while (i < q.length) {
    if (/\s/.test(q[i]!)) {
      i++;
      continue;
    }
    const start = i;
    let negated = false;
    if (q[i] === "-") {
      negated = true;
      i++;
      if (i >= q.length || /\s/.test(q[i]!)) throw new QueryError(start, `"-" must be followed by what to exclude`);
    }
    if (q[i] === '"') {
      const { text, end } = readQuoted(q, i);
      if (text.trim() === "") throw new QueryError(i, "empty phrase");
      query.terms.push({ kind: "phrase", text, prefix: false, negated, position: start });
      i = end;
    } else {
      const wordStart = i;
      while (i < q.length && !/\s/.test(q[i]!) && q[i] !== '"' && q[i] !== ":") i++;
      if (q[i] === ":") {
        const name = q.slice(wordStart, i);
        i++;
        let value: string;
        const valueAt = i;
        if (q[i] === '"') {
          const quoted = readQuoted(q, i);
          value = quoted.text;
          i = quoted.end;
        } else {
          while (i < q.length && !/\s/.test(q[i]!)) {
            if (q[i] === '"') throw new QueryError(i, `unexpected quote inside ${name}: (quote the whole value)`);
            i++;
          }
          value = q.slice(valueAt, i);
        }
        query.filters.push(readFilter(name, value, negated, start, valueAt));
      } else {
        if (q[i] === '"') throw new QueryError(i, "unexpected quote inside a word (put the quote before the phrase)");
        let text = q.slice(wordStart, i);
        const prefix = text.length > 1 && text.endsWith("*");
        if (prefix) text = text.slice(0, -1);
        query.terms.push({ kind: "word", text, prefix, negated, position: start });
      }
    }
    if (query.terms.length + query.filters.length > MAX_PARTS) {
      throw new QueryError(start, `too many words and filters (at most ${MAX_PARTS})`);
    }
  }
  checkDateRange(query);
  return query;
}

function readQuoted(q: string, at: number): { text: string; end: number } {
  const close = q.indexOf('"', at + 1);
  if (close < 0) throw new QueryError(at, 'unclosed quote: add the closing "');
  return { text: q.slice(at + 1, close), end: close + 1 };
}

function readFilter(name: string, raw: string, negated: boolean, position: number, valueAt: number): SearchFilter {
  const field = name.toLowerCase();
  if (!(SEARCH_FIELDS as readonly string[]).includes(field)) {
    throw new QueryError(
      position,
      `unknown field "${name}:"; fields are ${SEARCH_FIELDS.map((f) => f + ":").join(" ")}`,
    );
  }
  const value = raw.trim().toUpperCase().replace(/\s+/g, " ");
  if (value === "") throw new QueryError(valueAt, `${field}: needs a value`);
  switch (field) {
    case "from":
    case "to": {
      if (negated) throw new QueryError(position, `${field}: cannot be excluded; use from: and to: for the range`);
      return { field, value, bound: dateBound(field, value, valueAt), negated: false, position };
    }
    case "decl":
      return { field, value, decl: declFilter(value, valueAt), negated, position };
    case "class": {
      const c = CLASS_ALIASES[value];
      if (!c) {
        throw new QueryError(valueAt, `unknown classification "${raw}"; use ${Object.keys(CLASS_ALIASES).join(", ")}`);
      }
      return { field, value: c, negated, position };
    }
    case "prec": {
      const p = PREC_ALIASES[value];
      if (!p)
        throw new QueryError(valueAt, `unknown precedence "${raw}"; use FLASH, IMMEDIATE, PRIORITY, ROUTINE or NIACT`);
      return { field, value: p, negated, position };
    }
    case "ref": {
      const m = CABLE_ID.exec(value.replace(/[\s]/g, ""));
      if (!m) throw new QueryError(valueAt, `ref: needs a cable id such as 07STATE166909`);
      const station = m[2] === "SECSTATE" ? "STATE" : m[2]!;
      return { field, value: `${m[1]}${station}${Number(m[3])}`, negated, position };
    }
    case "origin": {
      // Stations are numbered without spaces, and the Department's as STATE.
      const station = value.replace(/[^\p{L}\p{N}]/gu, "");
      if (station === "") throw new QueryError(valueAt, `origin: needs letters or digits`);
      return { field, value: station === "SECSTATE" ? "STATE" : station, negated, position };
    }
    default: {
      if (!/[\p{L}\p{N}]/u.test(value)) throw new QueryError(valueAt, `${field}: needs letters or digits`);
      return { field: field as "tag" | "addressee", value, negated, position };
    }
  }
}

/**
 * A `decl:` value: `due`, `none`, a reason from DECLASS_BASES, or a period (YYYY, YYYY-MM, YYYY-MM-DD) alone (the
 * review date falls in it) or after `<`, `<=`, `>`, `>=`.
 */
function declFilter(value: string, at: number): DeclFilter {
  if (value === "DUE") return { kind: "due" };
  if (value === "NONE") return { kind: "none" };
  const basis = DECLASS_BASES.find((b) => b.toUpperCase() === value);
  if (basis) return { kind: "basis", basis };
  const m = /^(<=|>=|<|>)?(.+)$/.exec(value)!;
  const op = m[1] ?? "";
  if (!/^\d{4}/.test(m[2]!)) {
    throw new QueryError(
      at,
      `decl: needs due, none, a date (2019, 2019-04, <2020-01-01, >=2030) or a reason (${DECLASS_BASES.join(", ")})`,
    );
  }
  const start = dateBound("from", m[2]!, at + op.length, "decl").slice(0, 10);
  const next = dateBound("to", m[2]!, at + op.length, "decl").slice(0, 10);
  if (op === "<") return { kind: "range", from: null, to: start };
  if (op === "<=") return { kind: "range", from: null, to: next };
  if (op === ">") return { kind: "range", from: next, to: null };
  if (op === ">=") return { kind: "range", from: start, to: null };
  return { kind: "range", from: start, to: next };
}

/** The ISO instant a from:/to: value stands for: from the start of the period, to the start of the next one. */
function dateBound(field: "from" | "to", value: string, at: number, name: string = field): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) throw new QueryError(at, `${name}: needs a date as YYYY, YYYY-MM or YYYY-MM-DD`);
  const year = Number(m[1]);
  const month = m[2] === undefined ? null : Number(m[2]);
  const day = m[3] === undefined ? null : Number(m[3]);
  const start = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
  if (
    (month !== null && (month < 1 || month > 12)) ||
    (day !== null && start.getUTCDate() !== day) ||
    start.getUTCFullYear() !== year
  ) {
    throw new QueryError(at, `${name}: "${value}" is not a date`);
  }
  if (field === "from") return start.toISOString().replace(".000", "");
  const next = new Date(start);
  if (day !== null) next.setUTCDate(next.getUTCDate() + 1);
  else if (month !== null) next.setUTCMonth(next.getUTCMonth() + 1);
  else next.setUTCFullYear(next.getUTCFullYear() + 1);
  return next.toISOString().replace(".000", "");
}

function checkDateRange(query: SearchQuery): void {
  const bounds = (f: "from" | "to") => query.filters.flatMap((x) => (x.field === f && "bound" in x ? [x] : []));
  for (const from of bounds("from")) {
    for (const to of bounds("to")) {
      if (from.bound >= to.bound) throw new QueryError(to.position, `to: ${to.value} is before from: ${from.value}`);
    }
  }
}
