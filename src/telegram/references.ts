// The REF block: lettered lists of earlier cables (`A. 07 STATE 166909`) and free-text references (e-mails, calls).
import { canonicalCableId, fullYear, type Reference } from "../core/index.ts";
import { execAll } from "./exec-all.ts";
import { collapse, isBlank, type Line } from "./lines.ts";
import { KNOWN_STATIONS, STATION_SHORT_FORMS } from "./stations.ts";

export const REF_LINE = /^(?:¶\s*)?(?:REFTELS?|REFS?|REFERENCES?)\b\.?\s*:?\s*(.*)$/i;

// Multi-word stations are also written squashed, as in canonical ids (`RIODEJANEIRO`); posts also cite by a short
// form of a long name (`HAGUE 264`, `CASA 1220`).
const STATION_ALTERNATION = [
  ...new Set([
    ...KNOWN_STATIONS,
    ...KNOWN_STATIONS.map((s) => s.replace(/ /g, "")),
    ...Object.keys(STATION_SHORT_FORMS),
  ]),
]
  .sort((a, b) => b.length - a.length)
  .map((s) => s.replace(/ /g, "\\s+"))
  .join("|");
// [YY |YYYY ]STATION NUMBER, where the number is 1 to 6 digits not followed by more digits or a slash/date.
const CABLE_REF = new RegExp(
  `(?:\\b(\\d{2}|(?:19|20)\\d{2})\\s+)?\\b(${STATION_ALTERNATION})\\s+0*(\\d{1,6})(?![\\d/:])`,
  "gi",
);
// Letter labels: `A.`, `(A)`, `A)`, `¶B.` at the start or after white space or `;`; `A)MALABO 27` runs on.
const LABEL = /(?:^|[\s;,])¶?\s*(\(([A-Z])\)|([A-Z])[.)])(?=\s|\(?[A-Z]{3})/g;
// A label written twice (`A. A. GENEVA 1954`, `A. A) X`), or the REF keyword repeated (`REF: REF (A) ...`).
const DOUBLED_LABEL = /(^|[\s;,])(¶?\s*(?:\(([A-Z])\)|([A-Z])[.)]))\s+\(?\3\4[.)](?=\s)/g;
// `REF A: VATICAN 05286; REF B: VATICAN 05546`: the keyword before each label.
const KEYWORD_LABEL = /(^|[\s;,])REF\s+([A-Z])\s*:/g;
// A Classified By line run on after the last reference belongs to the preamble, not the REF block.
const RUN_ON_CLASSIFIED_BY = /\s*\bClassified\s+By\b[\s\S]*$/i;
// The viewer's line-continuation backslashes, and its `¶B.` put before a list's own next label (`¶B. C. STATE 1`).
const VIEWER_NOISE = /\s\\(?=\s|$)/g;
const VIEWER_LABEL = /¶\s*[A-Z][.)]\s+(?=\(?[A-Z][.)]\s)/g;
// A page header inside the list (`GENEVA 00002030 001.2 OF 004`): not a reference.
const PAGE_HEADER = /\b[A-Z][A-Z ]{1,30}?\s0{2,}\d{3,6}\s+\d{3}(?:\.\d)?\s+OF\s+\d{3}\b/g;
const REPEATED_KEYWORD = /^(?:(?:REFTELS?|REFS?|REFERENCES?)\b\.?\s*:?\s*)+/i;

/**
 * Reads the text of a REF block (after `REF:`, lines joined) into references. Cable references get their
 * canonical id; a reference without a year cites the citing cable's year (`citingYear`), or gets no id when
 * that is unknown.
 * @example readReferences("A. 07 STATE 166909 B. PARIS 55", 2008)
 * // [{ label: "A", id: "07STATE166909", text: "07 STATE 166909" }, { label: "B", id: "08PARIS55", text: "PARIS 55" }]
 */
export function readReferences(text: string, citingYear: number | null): Reference[] {
  // A REF block is a few lines; capping it keeps a pathological input linear.
  const block = collapse(text.slice(0, 8000))
    .replace(RUN_ON_CLASSIFIED_BY, "")
    .replace(REPEATED_KEYWORD, "")
    .replace(KEYWORD_LABEL, "$1$2.")
    .replace(VIEWER_NOISE, " ")
    .replace(PAGE_HEADER, " ")
    .replace(VIEWER_LABEL, "")
    .replace(DOUBLED_LABEL, "$1$2");
  if (block.length === 0 || /^NONE\.?$/i.test(block)) return [];
  const refs: Reference[] = [];
  for (const item of splitLabelled(block)) {
    for (const part of item.text.split(/\s*;\s*/)) {
      const partText = part.replace(/^[\s,.;:]+|[\s,;:]+$/g, "");
      if (partText.length === 0) continue;
      const ids = cableIdsIn(partText, citingYear);
      if (ids.length <= 1) refs.push({ label: item.label, id: ids[0] ?? null, text: partText });
      else for (const id of ids) refs.push({ label: item.label, id, text: partText });
    }
  }
  return refs;
}

/** Splits `A. x B. y` into labelled items, accepting only labels that run A, B, C... in order. */
function splitLabelled(block: string): { label: string | null; text: string }[] {
  const cuts: { label: string; start: number; textStart: number }[] = [];
  let expected = "A";
  for (const m of execAll(LABEL, block)) {
    const letter = m[2] ?? m[3]!;
    if (letter !== expected) continue;
    const start = m.index! + m[0].indexOf(m[1]!) - (m[0].includes("¶") ? 1 : 0);
    cuts.push({ label: letter, start: Math.max(0, start), textStart: m.index! + m[0].length });
    expected = String.fromCharCode(expected.charCodeAt(0) + 1);
  }
  // A lone "A." is not a list; neither is a first label that does not open the block.
  if (cuts.length < 2 || block.slice(0, cuts[0]!.start).trim().length > 0) return [{ label: null, text: block }];
  return cuts.map((c, i) => ({
    label: c.label,
    text: block.slice(c.textStart, i + 1 < cuts.length ? cuts[i + 1]!.start : block.length).trim(),
  }));
}

function cableIdsIn(text: string, citingYear: number | null): string[] {
  const ids: string[] = [];
  for (const m of execAll(CABLE_REF, text)) {
    const written = m[2]!.toUpperCase().replace(/\s+/g, " ");
    const station = STATION_SHORT_FORMS[written] ?? written;
    const year = m[1] ? fullYear(Number(m[1])) : citingYear;
    if (year === null) continue;
    const id = canonicalCableId(year, station, Number(m[3]));
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

// Where a REF block ends: a numbered paragraph, a portion-marked line, Classified By, or a SUBJECT line.
const REF_BLOCK_END = /^(?:¶\s*)?(?:\d{1,3}\s?\.(?=\s|\()|CLASSIFIED\s+BY\b|SUBJ(?:ECT)?\b\s*:|SUMMARY\b)/i;
const REF_CONTINUATION = /^(?:¶\s*)?(?:\(?[A-Z][.)]|[A-Z]{3,}\s+\d|\d{2}\s+[A-Z]{3,})/;

/**
 * The text of a REF block that the preamble did not reach (a subject wrapped over a blank line, a handling line
 * between SUBJECT and REF): the first REF line among `lines` before the first numbered paragraph, with the lines
 * that continue it. Null when there is none.
 * @example findReferenceBlock(splitLines("X\nREF: A. ROME 292\n B. ROME 354\n\n1. Text")) // "A. ROME 292 B. ROME 354"
 */
export function findReferenceBlock(lines: readonly Line[]): string | null {
  const limit = Math.min(lines.length, 120);
  for (let i = 0; i < limit; i++) {
    const text = collapse(lines[i]!.text);
    if (/^(?:¶\s*)?\d{1,3}\s?\.\s/.test(text)) return null;
    const m = REF_LINE.exec(text);
    if (!m || /^REFERENCE\s+(?:TO|IS)\b/i.test(text)) continue;
    const parts = [m[1]!];
    for (let j = i + 1; j < Math.min(lines.length, i + 40); j++) {
      const next = collapse(lines[j]!.text);
      if (isBlank(next)) {
        // A blank line ends the block unless an item follows.
        const after = j + 1 < lines.length ? collapse(lines[j + 1]!.text) : "";
        if (!REF_CONTINUATION.test(after) || REF_BLOCK_END.test(after)) break;
        continue;
      }
      if (REF_BLOCK_END.test(next)) break;
      parts.push(next);
    }
    return parts.join(" ");
  }
  return null;
}

/**
 * Writes the REF block: `REF: 07 STATE 166909`, or one lettered reference a line.
 * @example formatReferences([{ label: null, id: "07STATE166909", text: "07 STATE 166909" }]) // ["REF: 07 STATE 166909"]
 */
export function formatReferences(refs: readonly Reference[]): string[] {
  const lines: string[] = [];
  let last: Reference | null = null;
  for (const r of refs) {
    if (last !== null && last.label === r.label && last.text === r.text) continue; // one item citing several cables
    const label = r.label === null ? "" : `${r.label}. `;
    lines.push(`${lines.length === 0 ? "REF: " : "     "}${label}${r.text}`);
    last = r;
  }
  return lines;
}
