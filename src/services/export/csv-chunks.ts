// A search's export as CSV (RFC 4180): a header of the metadata columns, then a row per cable, CRLF line ends, a field
// quoted when it holds a comma, a quote or a line break, and its quotes doubled.
import { stringify } from "csv-stringify/sync";
import { EXPORT_CSV_COLUMNS, precedenceRank, type Cable, type Precedence } from "../../core/index.ts";
import type { ExportedCable } from "./exported-cable.ts";

/** Several values in one cell: tags may hold commas (`OVIP (CLINTON, HILLARY)`), never a semicolon. */
const JOIN = "; ";

// csv-stringify quotes a field holding the record delimiter (CRLF), but not a lone CR or LF, which RFC 4180 quotes too.
// A cell opening with =, +, -, @, a tab or a CR gets a leading quote: a spreadsheet would otherwise run a subject such
// as `=HYPERLINK(...)` as a formula (CSV injection, OWASP).
const OPTIONS = { record_delimiter: "windows", quoted_match: /[\r\n]/, escape_formulas: true } as const;

/**
 * The CSV of `pages`: the header first, then one chunk per page.
 * @example for await (const chunk of csvChunks(pages)) out.write(chunk) // "id,date,origin,...\r\n08STATE16245,..."
 */
export async function* csvChunks(pages: AsyncIterable<ExportedCable[]>): AsyncGenerator<Uint8Array> {
  yield Buffer.from(stringify([[...EXPORT_CSV_COLUMNS]], OPTIONS), "utf8");
  for await (const page of pages) {
    yield Buffer.from(
      stringify(
        page.map((exported) => csvRow(exported.cable())),
        OPTIONS,
      ),
      "utf8",
    );
  }
}

/**
 * One cable's cells, in the order of EXPORT_CSV_COLUMNS; an unknown value is an empty cell.
 * @example csvRow(seed) // ["08STATE16245", "2008-02-16T23:19:00Z", "STATE", "UNCLASSIFIED", "SIPDIS", ...]
 */
export function csvRow(cable: Cable): string[] {
  return [
    cable.id ?? "",
    cable.dtg ?? "",
    cable.origin ?? "",
    cable.classification ?? "",
    cable.caveats.join(JOIN),
    highestPrecedence(cable) ?? "",
    cable.subject ?? "",
    cable.tags.join(JOIN),
    cable.references.map((r) => r.id ?? r.text).join(JOIN),
  ];
}

/** The highest precedence any addressee was given (NIACT IMMEDIATE kept), else the transmission precedence. */
function highestPrecedence(cable: Cable): Precedence | null {
  let best: Precedence | null = null;
  for (const a of [...cable.to, ...cable.info]) {
    if (a.precedence !== null && (best === null || precedenceRank(a.precedence) < precedenceRank(best))) {
      best = a.precedence;
    }
  }
  return best ?? cable.precedence;
}
