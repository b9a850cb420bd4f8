// Where a query went wrong, cut out so it can be marked.

/**
 * The query cut at a 0-based position: before it, the character there (a space when past the end), after it.
 * @example splitAt("tag:", 4) // { before: "tag:", at: " ", after: "" }
 * @example splitAt('a "b', 2) // { before: "a ", at: '"', after: "b" }
 */
export function splitAt(query: string, position: number): { before: string; at: string; after: string } {
  const p = Math.max(0, Math.min(position, query.length));
  return { before: query.slice(0, p), at: query[p] ?? " ", after: query.slice(p + 1) };
}
