// Facet filters as query text: the filter a facet value stands for, whether a query holds it, and adding or removing
// it. Pure, so the query in the URL stays the one source of truth and back/forward undo a click.
import { isSearchQueryError, parseSearchQuery } from "../../../../src/core/search-language.ts";

/** The facets the search answers with, by the name the API gives them. */
export const FACET_KINDS = ["tags", "origin", "classification", "year"] as const;
export type FacetKind = (typeof FACET_KINDS)[number];

/** The query field each facet filters on. */
const FIELD: Record<FacetKind, string> = { tags: "tag", origin: "origin", classification: "class", year: "from" };

/**
 * A cable has one origin, one classification and one year, so a second value of those replaces the first (two
 * would match nothing); cables carry many tags, so tag filters add up.
 */
const EXCLUSIVE: Record<FacetKind, boolean> = { tags: false, origin: true, classification: true, year: true };

/**
 * The query text of a facet value, quoted when it holds a space.
 * @example facetFilter("tags", "PREL") // "tag:PREL"
 * @example facetFilter("classification", "LIMITED OFFICIAL USE") // 'class:"LIMITED OFFICIAL USE"'
 * @example facetFilter("year", "2008") // "from:2008 to:2008"
 */
export function facetFilter(kind: FacetKind, value: string): string {
  if (kind === "year") return `from:${value} to:${value}`;
  return `${FIELD[kind]}:${/\s/.test(value) ? `"${value.replace(/"/g, "")}"` : value}`;
}

/** One part of a query as written: its text and where it starts. */
type Part = { text: string; start: number; end: number };

/** Splits a query into its parts the way the query language does: spaces separate, quotes hold a value together. */
function partsOf(query: string): Part[] {
  const parts: Part[] = [];
  const re = /(?:[^\s"]*"[^"]*"?)+[^\s"]*|\S+/g;
  for (let m = re.exec(query); m !== null; m = re.exec(query)) {
    parts.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return parts;
}

/** A part read as one positive filter, normalised by the query language itself (class:C is class:CONFIDENTIAL). */
function filterOf(text: string): { field: string; value: string } | null {
  const parsed = parseSearchQuery(text);
  if (isSearchQueryError(parsed) || parsed.terms.length > 0 || parsed.filters.length !== 1) return null;
  const filter = parsed.filters[0]!;
  if (filter.negated) return null;
  return { field: filter.field, value: "bound" in filter ? filter.bound : filter.value };
}

/** The normalised filters a facet value stands for (two for a year). */
function wanted(kind: FacetKind, value: string): { field: string; value: string }[] {
  return partsOf(facetFilter(kind, value)).flatMap((p) => filterOf(p.text) ?? []);
}

function same(a: { field: string; value: string }, b: { field: string; value: string }): boolean {
  return a.field === b.field && a.value === b.value;
}

/**
 * Whether the query filters on the facet value, however it was written (`class:c` counts for CONFIDENTIAL).
 * @example hasFacetFilter("kosovo tag:prel", "tags", "PREL") // true
 * @example hasFacetFilter("kosovo -tag:PREL", "tags", "PREL") // false
 */
export function hasFacetFilter(query: string, kind: FacetKind, value: string): boolean {
  const present = partsOf(query).flatMap((p) => filterOf(p.text) ?? []);
  return wanted(kind, value).every((w) => present.some((p) => same(p, w)));
}

/**
 * Adds the facet value's filter to the query, or removes it when the query has it. For origin, classification and
 * year an existing filter of the same field gives way.
 * @example toggleFacetFilter("kosovo", "tags", "PREL") // "kosovo tag:PREL"
 * @example toggleFacetFilter("kosovo tag:PREL", "tags", "PREL") // "kosovo"
 * @example toggleFacetFilter("kosovo class:SECRET", "classification", "CONFIDENTIAL") // "kosovo class:CONFIDENTIAL"
 * @example toggleFacetFilter("kosovo", "year", "2008") // "kosovo from:2008 to:2008"
 */
export function toggleFacetFilter(query: string, kind: FacetKind, value: string): string {
  const active = hasFacetFilter(query, kind, value);
  const targets = wanted(kind, value);
  const fields = kind === "year" ? ["from", "to"] : [FIELD[kind]];
  const kept = partsOf(query).filter((part) => {
    const filter = filterOf(part.text);
    if (!filter) return true;
    if (active) return !targets.some((t) => same(t, filter));
    return !(EXCLUSIVE[kind] && fields.includes(filter.field));
  });
  const rest = kept.map((p) => p.text).join(" ");
  return active ? rest : [rest, facetFilter(kind, value)].filter(Boolean).join(" ");
}
