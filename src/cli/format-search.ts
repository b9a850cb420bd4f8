// Search results for a terminal: one line per cable, its snippet beneath, then the facets.
import type { FacetCount, SearchResult } from "../services/search/index.ts";

const BOLD = "\x1b[1m";
const PLAIN = "\x1b[22m";
const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

/**
 * Turns an HTML snippet (escaped text, matches in <mark>…</mark>) into terminal text: the matches in bold on a
 * terminal, in [brackets] otherwise, so a pipe or a log never holds escape codes.
 * @example terminalSnippet("<mark>Kosovo</mark> &amp; Serbia", false) // "[Kosovo] & Serbia"
 */
export function terminalSnippet(snippet: string, bold: boolean): string {
  const [open, close] = bold ? [BOLD, PLAIN] : ["[", "]"];
  return snippet
    .replace(/<mark>/g, open)
    .replace(/<\/mark>/g, close)
    .replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);
}

/**
 * The lines `cablegram search` prints: the total ("10,000+" when a lower bound), each result as id, date,
 * classification and subject with its snippet indented below, how to get the next page, and the facets.
 * @example searchLines(result, "kosovo", false)[0] // "2 cables match kosovo (by relevance)."
 */
export function searchLines(result: SearchResult, q: string, bold: boolean): string[] {
  const total = `${result.total.toLocaleString("en-US")}${result.totalIsLowerBound ? "+" : ""}`;
  const noun = result.total === 1 && !result.totalIsLowerBound ? "cable matches" : "cables match";
  const lines = [`${total} ${noun} ${q.trim() === "" ? "(everything)" : q} (by ${result.sort}).`];
  for (const hit of result.results) {
    const date = hit.dtg?.slice(0, 10) ?? "undated";
    lines.push(`${hit.id}  ${date}  ${hit.classification ?? "UNKNOWN"}  ${hit.subject ?? "(no subject)"}`);
    if (hit.snippet !== "") lines.push(`    ${terminalSnippet(hit.snippet, bold)}`);
  }
  if (result.nextCursor) lines.push(`More: add --cursor ${result.nextCursor}`);
  if (result.total > 0) {
    lines.push(result.facetsAreExact ? "Facets:" : "Facets (counted over the 10,001 newest matches):");
    const facets: [string, FacetCount[]][] = [
      ["tags", result.facets.tags],
      ["origin", result.facets.origin],
      ["classification", result.facets.classification],
      ["year", result.facets.year],
    ];
    for (const [name, counts] of facets) {
      if (counts.length > 0) lines.push(`  ${name}: ${counts.map((c) => `${c.value} ${c.count}`).join(", ")}`);
    }
  }
  return lines;
}
