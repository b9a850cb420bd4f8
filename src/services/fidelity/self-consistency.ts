// The fields the index does not hold, checked against the cable's own text: a Classified By line read (name and
// reasons), a REF block read whole, a SUBJECT line with its subject, a signer at the end, and addressees the
// directory knows. Each check says whether it applies to a cable and, when it fails, the line to look at.
import type { Cable } from "../../core/index.ts";
import type { AddresseeCheck } from "./directory-names.ts";
import { unsignedEnd } from "./unsigned-end.ts";

/** The self-consistency shares the report gives. */
export type ConsistencyField = "classifiedBy" | "references" | "subject" | "signer" | "addressees";

export const CONSISTENCY_FIELDS: readonly ConsistencyField[] = [
  "classifiedBy",
  "references",
  "subject",
  "signer",
  "addressees",
];

/**
 * One check of one cable (or one addressee): passed or not, the 1-based line it concerns, and what was found.
 * `setAside` names why the check does not apply after all (the text holds nothing to read): it is not counted.
 */
export type ConsistencyCheck = { ok: boolean; line: number; found: string; setAside?: string };

const CLASSIFIED_BY = /\bCLASSIFIED\s+BY\b/i;
const REF_LINE = /^\s*(?:¶\s*)?(?:REFTELS?|REFS?|REFERENCES?)\b\.?\s*:?\s*(.*)$/i;
const SUBJECT_LINE = /^\s*(?:¶\s*)?SUBJ(?:ECT)?\s*:/i;
const FIRST_PARAGRAPH = /^\s*(?:¶\s*)?1\s*\.\s/;
const PARTIAL_EXTRACT = /partial extract of the original cable/i;
// Letter labels, as the parser reads them: `A.`, `(A)`, `A)`.
const LABEL = /(?:^|[\s;,])¶?\s*(?:\(([A-Z])\)|([A-Z])[.)])(?=\s)/g;
// A citation that names a station and a number (`07 STATE 166909`, `KABUL 123`): kept without an id, it is a miss.
const CITATION = /\b(?:\d{2}\s+)?[A-Z]{4,}(?:\s+[A-Z]{2,})?\s+0*\d{2,6}\b(?![\d/:])/;
// Non-cable references: a document by its kind (an e-mail, a daily report, a resolution, a statute), or a message by
// its date or date-time group; kept as text with no cable id, they count as read.
const NOT_CABLE =
  /\b(?:E-?MAILS?|MEMO|TELCONS?|PHONE|TELEPHONE|LETTER|FAX|DIPNOTE|NOTE|EMBTEL|MTG|MEETING|DATED|DAILY|REPORTS?|POINTS?|DVC|STATISTICS|SECTION|UNSCR|NON.?PAPER|INCSR|ASDAR|DTG|JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEPT?(?:EMBER)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)\b/i;
const REF_BLOCK_END = /^\s*$|^\s*(?:¶\s*)?(?:\d+\s*\.\s|CLASSIFIED\s+BY|SUBJ(?:ECT)?\s*:|SUMMARY)/i;

function isClassified(cable: Cable): boolean {
  return (
    cable.classification === "CONFIDENTIAL" ||
    cable.classification === "SECRET" ||
    cable.classification === "TOP SECRET"
  );
}

/** The index of the first line matching, before the first numbered paragraph when `headOnly`; -1 when none. */
function findLine(lines: readonly string[], pattern: RegExp, headOnly: boolean): number {
  for (let i = 0; i < lines.length; i++) {
    if (headOnly && FIRST_PARAGRAPH.test(lines[i]!)) return -1;
    if (pattern.test(lines[i]!)) return i;
  }
  return -1;
}

// A reason in the text of a Classified By line: a section number (`1.4`, `1 .4`, `1:4`), a letter in parentheses, or
// a letter right after `reason(s)`. Where the line gives none, only its name is asked for.
const REASON_GIVEN = /\b1\s*[.:/]?\s*\.?\s*[4-6]\b|\(\s*[a-h]\s*\)|\breasons?\b\s*:?\s*\(?[a-h]\b/i;
const CLIPPED = /\.\.\.\s*$/;

/**
 * Classified cables whose text has a Classified By line: the name must be read, and at least one reason when the line
 * gives any. A line the viewer clipped (`Classified By: Politi...`) before any reason is set aside.
 */
function classifiedByCheck(cable: Cable, lines: readonly string[]): ConsistencyCheck | null {
  if (!isClassified(cable)) return null;
  const at = findLine(lines, CLASSIFIED_BY, false);
  if (at < 0) return null;
  const line = lines[at]!;
  const label = CLASSIFIED_BY.exec(line)!;
  const next = lines[at + 1] ?? "";
  const given = `${line.slice(label.index, label.index + 300)} ${next.trim() === "" ? "" : next.slice(0, 200)}`;
  const reasonsGiven = REASON_GIVEN.test(given);
  const c = cable.classifiedBy;
  const ok = c !== null && c.name.trim().length > 0 && (c.reasons.length > 0 || !reasonsGiven);
  const found = c ? `name ${JSON.stringify(c.name)}, reasons [${c.reasons.join(", ")}]` : "none";
  const clipped = !ok && !reasonsGiven && CLIPPED.test(next.trim() === "" ? line : next);
  return { ok, line: at + 1, found, ...(clipped ? { setAside: "the viewer clipped the line" } : {}) };
}

/** Letters labelled A, B, C... in order in a REF block: how many references it announces (at least one). */
function announcedReferences(block: string): number {
  let expected = "A";
  // The viewer put `¶B.` before some items' own labels (`¶B. (B) PARIS 953`): the item's label is the second.
  for (const m of block.replace(/¶\s*[A-Z][.)]\s+(?=\(?[A-Z][.)]\s)/g, "").matchAll(LABEL)) {
    if ((m[1] ?? m[2]) === expected) expected = String.fromCharCode(expected.charCodeAt(0) + 1);
  }
  const labelled = expected.charCodeAt(0) - "A".charCodeAt(0);
  return labelled >= 2 ? labelled : 1;
}

/**
 * Cables with a REF line before the first paragraph: every announced reference must be there, and none that names
 * a station and a number may be kept without its cable id.
 */
function referencesCheck(cable: Cable, lines: readonly string[]): ConsistencyCheck | null {
  const at = findLine(lines, REF_LINE, true);
  if (at < 0) return null;
  const blockLines = [REF_LINE.exec(lines[at]!)![1]!];
  for (let i = at + 1; i < lines.length && i < at + 40 && !REF_BLOCK_END.test(lines[i]!); i++)
    blockLines.push(lines[i]!);
  const block = blockLines.join(" ").trim();
  // `REF...`: the viewer cut the list off; there is nothing to read.
  if (block.length === 0 || /^NONE\b/i.test(block) || /^[.\s]*$/.test(block)) return null;
  const announced = announcedReferences(block);
  const labels = new Set(cable.references.map((r) => r.label ?? ""));
  const count = announced > 1 ? labels.size : cable.references.length;
  const unread = cable.references.find((r) => r.id === null && CITATION.test(r.text) && !NOT_CABLE.test(r.text));
  const ok = count >= announced && unread === undefined;
  const found = unread
    ? `kept without id: ${JSON.stringify(unread.text)}`
    : `${cable.references.length} read, ${announced} announced`;
  return { ok, line: at + 1, found };
}

/** Cables with a SUBJECT line: the subject must be read. */
function subjectCheck(cable: Cable, lines: readonly string[]): ConsistencyCheck | null {
  const at = findLine(lines, SUBJECT_LINE, false);
  if (at < 0) return null;
  const ok = cable.subject !== null && cable.subject.trim().length > 0;
  return { ok, line: at + 1, found: JSON.stringify(cable.subject) };
}

/**
 * Whole cables (not partial extracts): their end must give a signer. A text whose end holds none (`unsignedEnd`) is
 * set aside with the reason, unless the parser found a signer there all the same.
 */
function signerCheck(cable: Cable, lines: readonly string[], text: string): ConsistencyCheck | null {
  if (PARTIAL_EXTRACT.test(text.slice(0, 2000))) return null;
  let last = lines.length - 1;
  while (last > 0 && lines[last]!.trim() === "") last--;
  const ok = cable.signers.length > 0;
  const none = ok ? null : unsignedEnd(text);
  return { ok, line: last + 1, found: JSON.stringify(cable.signers), ...(none ? { setAside: none } : {}) };
}

/** Every parsed addressee (from, to, info): the directory must know it. */
function addresseeChecks(cable: Cable, lines: readonly string[], known: AddresseeCheck): ConsistencyCheck[] {
  const all = [...(cable.from ? [cable.from] : []), ...cable.to, ...cable.info];
  return all.map((a) => {
    const at = lines.findIndex((l) => l.includes(a.name));
    return { ok: known(a), line: at + 1, found: a.route ? `${a.route} ${a.name}` : a.name };
  });
}

/**
 * The self-consistency checks of one parsed cable, by field; a field that does not apply has no checks.
 * @example consistencyChecks(cable, text, known).subject // [{ ok: true, line: 14, found: "\"CHINA: ...\"" }]
 */
export function consistencyChecks(
  cable: Cable,
  text: string,
  known: AddresseeCheck,
): Record<ConsistencyField, ConsistencyCheck[]> {
  const lines = text.split("\n");
  const one = (c: ConsistencyCheck | null) => (c === null ? [] : [c]);
  return {
    classifiedBy: one(classifiedByCheck(cable, lines)),
    references: one(referencesCheck(cable, lines)),
    subject: one(subjectCheck(cable, lines)),
    signer: one(signerCheck(cable, lines, text)),
    addressees: addresseeChecks(cable, lines, known),
  };
}
