// The lines between the classification line and the body: captions, handling lines, E.O., TAGS, SUBJECT,
// REF and Classified By, in any order, any case, colon optional, continuing to a blank line or the next keyword.
import type { ClassifiedBy, ExecutiveOrder } from "../core/index.ts";
import { CLASSIFIED_BY_LINE, readClassifiedBy } from "./classified-by.ts";
import { EO_LINE, readExecutiveOrder } from "./executive-order.ts";
import { collapse, isBlank, type Line } from "./lines.ts";
import { REF_LINE } from "./references.ts";
import { TAGS_LINE } from "./tags-line.ts";

export type Preamble = {
  caveats: string[];
  handling: string[];
  eo: ExecutiveOrder | null;
  tagsText: string | null;
  subject: string | null;
  refText: string | null;
  classifiedBy: ClassifiedBy | null;
  /** Index (into the given lines) of the first body line. */
  bodyStart: number;
};

const SUBJECT_LINE = /^SUBJ(?:ECT)?\b\s*:?\s*(.*)$/i;
const DECLASSIFY_ON = /^DECLASSIFY\s+ON\s*:/i;
const CAPTION_WORDS: Record<string, string> = {
  SIPDIS: "SIPDIS",
  SENSITIVE: "SENSITIVE",
  NOFORN: "NOFORN",
  NODIS: "NODIS",
  EXDIS: "EXDIS",
  LIMDIS: "LIMDIS",
  STADIS: "STADIS",
  "FOR OFFICIAL USE ONLY": "SENSITIVE",
  "SENSITIVE BUT UNCLASSIFIED": "SENSITIVE",
  "SENSITIVE SIPDIS": "SENSITIVE SIPDIS",
  "CORRECTED COPY": "CORRECTED COPY",
};
const PARAGRAPH_START = /^¶?\s?\d{1,3}\s?\.(?=\s|\(|$)/;
const MARKED_START = /^\(\s*(U|SBU|C|S|TS|LOU)\b[^)]{0,30}\)\s/i;
const REF_ITEM = /^¶?\s*(?:\(?[A-Z][.)])\s/;
// A banner such as `SECRET//FGI//NOFORN` under a derived classification.
const BANNER = /^(TOP SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED)(\/\/[A-Z0-9 ,/-]+)+$/;

type Field = "tags" | "subject" | "ref" | "classifiedBy";

/**
 * Reads the preamble. Stops at the first line that is none of its parts: a numbered paragraph, or any other
 * text once E.O., TAGS or SUBJECT has been seen.
 * @example readPreamble(splitLines("SIPDIS\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: X\n\n1. (U) Y")).subject // "X"
 */
export function readPreamble(lines: readonly Line[]): Preamble {
  const out: Preamble = {
    caveats: [],
    handling: [],
    eo: null,
    tagsText: null,
    subject: null,
    refText: null,
    classifiedBy: null,
    bodyStart: lines.length,
  };
  const parts: Record<Field, string[]> = { tags: [], subject: [], ref: [], classifiedBy: [] };
  const seen = new Set<Field>();
  let field: Field | null = null;
  let keywordSeen = false;
  let keywordAhead: number[] | null = null; // computed on first need: most preambles never ask
  let i = 0;
  for (; i < lines.length; i++) {
    let text = collapse(lines[i]!.text);
    // `DEPARTMENT FOR WHA AND PM E.O. 12958: DECL: ...`: a handling line with the E.O. line run into it.
    const runIn = keywordSeen ? null : /^(.*?\S)\s+((?:E\.O\.|EO)\s*:?\s*\d{5}\b.*)$/.exec(text);
    if (runIn && !EO_LINE.test(text)) {
      // `NOFORN E.O. 12958: ...`: a caption run into the E.O. line is a caveat, not a handling line.
      const captioned = captionWords(runIn[1]!);
      if (captioned !== null) for (const c of captioned) addCaveat(out.caveats, c);
      else out.handling.push(handlingLine(runIn[1]!, out.caveats));
      text = runIn[2]!;
    }
    if (isBlank(text)) {
      // A REF list may leave a blank line between its items.
      if (field === "ref" && REF_ITEM.test(nextNonBlank(lines, i))) continue;
      field = null;
      continue;
    }
    const first = text[0]!;
    // `(C) STATE 130145` in a REF list is the next item, not a paragraph marked CONFIDENTIAL.
    if (field === "ref" && first === "(" && isNextReferenceItem(text, parts.ref)) {
      parts.ref.push(text);
      continue;
    }
    if ((first === "¶" || (first >= "0" && first <= "9")) && PARAGRAPH_START.test(text)) break;
    if (first === "(" && MARKED_START.test(text)) break;
    const eo = first === "E" || first === "e" ? readExecutiveOrder(text) : null;
    if (eo) {
      // `E.O. 12958: DECL: 1/1/2019 TAGS: PREL` shares a line now and then.
      const joined = /\s+TAGS\b\s*:?\s*(.*)$/i.exec(eo.text);
      if (joined) {
        eo.text = eo.text.slice(0, joined.index).trim();
        const again = readExecutiveOrder(`E.O. ${eo.order}: ${eo.text}`);
        out.eo = again ?? eo;
        field = start("tags", joined[1]!);
      } else {
        out.eo = out.eo ?? eo;
        field = null;
      }
      keywordSeen = true;
      continue;
    }
    const upper = first.toUpperCase();
    let m = upper === "T" ? TAGS_LINE.exec(text) : null;
    if (m && !seen.has("tags")) {
      field = start("tags", m[1]!);
      keywordSeen = true;
      continue;
    }
    m = upper === "S" ? SUBJECT_LINE.exec(text) : null;
    if (m && !seen.has("subject")) {
      field = start("subject", m[1]!);
      keywordSeen = true;
      continue;
    }
    m = upper === "R" || first === "¶" ? REF_LINE.exec(text) : null;
    if (m && !seen.has("ref") && !/^REFERENCE\s+(?:TO|IS)\b/i.test(text)) {
      field = start("ref", m[1]!);
      continue;
    }
    m = upper === "C" ? CLASSIFIED_BY_LINE.exec(text) : null;
    if (m && !seen.has("classifiedBy")) {
      field = start("classifiedBy", m[1]!);
      continue;
    }
    if (DECLASSIFY_ON.test(text) || BANNER.test(text)) {
      if (/\bNOFORN\b|\/\/NF\b/.test(text)) addCaveat(out.caveats, "NOFORN");
      field = null;
      continue;
    }
    const caveats = captionWords(text);
    if (caveats !== null) {
      for (const c of caveats) addCaveat(out.caveats, c);
      field = null;
      continue;
    }
    if (field !== null && continues(field, text, parts[field])) {
      parts[field].push(text);
      continue;
    }
    // Office slugs and PASS lines come before E.O., TAGS and SUBJECT; long ones only when those follow soon.
    const shortLine = out.handling.length < 12 && text.length <= 100;
    const keywordSoon =
      !shortLine &&
      out.handling.length < 40 &&
      text.length <= 1000 &&
      (keywordAhead ??= keywordLinesAhead(lines.slice(0, 400)))[i]! <= 12;
    if (!keywordSeen && field === null && (shortLine || keywordSoon)) {
      out.handling.push(handlingLine(text, out.caveats));
      continue;
    }
    break;
  }
  out.bodyStart = i;
  out.tagsText = seen.has("tags") ? parts.tags.join(" ") : null;
  out.subject = seen.has("subject") ? collapse(parts.subject.join(" ")) : null;
  out.refText = seen.has("ref") ? parts.ref.join(" ") : null;
  out.classifiedBy = seen.has("classifiedBy") ? readClassifiedBy(parts.classifiedBy.join(" ")) : null;
  return out;

  function start(f: Field, first: string): Field {
    seen.add(f);
    if (first.trim().length > 0) parts[f].push(first);
    return f;
  }
}

/**
 * A handling line with the caption words it opens or ends with taken off as caveats: `SIPDIS SENSITIVE SIPDIS DEPT
 * FOR NEC`, `DEPT OF TREASURY FOR FPARODI SENSITIVE SIPDIS`. The line as written when those are only SIPDIS.
 */
function handlingLine(text: string, caveats: string[]): string {
  const words = text.split(" ");
  let start = 0;
  let end = words.length;
  const caption = (word: string) => Object.hasOwn(CAPTION_WORDS, word);
  while (start < end && caption(words[start]!)) start++;
  while (end > start && caption(words[end - 1]!)) end--;
  const taken = [...words.slice(0, start), ...words.slice(end)].map((w) => CAPTION_WORDS[w]!);
  if (!taken.some((c) => c !== "SIPDIS")) return text;
  for (const c of taken) addCaveat(caveats, c);
  return words.slice(start, end).join(" ");
}

/** Whether a line opening with `(X)` carries the label that follows the last one, `(W)`, of the REF list read so far. */
const CITATION_START =
  /^(?:\d{2}(?:\d{2})?\s+)?(?:[A-Z][A-Za-z]{1,}(?:\s[A-Z][A-Za-z]+){0,3}\s+\d{1,6}\b|\d{6}Z|(?:e-?mail|memo|telcon|letter|fax|cable|message)\b)/i;

function isNextReferenceItem(text: string, sofar: readonly string[]): boolean {
  const m = /^\(([A-Z])\)\s*\S/.exec(text);
  if (!m) return false;
  // A reference opens with what it cites (`State 152009`, `06 ROME 1234`, a date-time group, a kind of message);
  // a portion-marked sentence opens otherwise.
  if (!CITATION_START.test(text.slice(m[0].length - 1))) return false;
  // A list keeps its labels' style: after `A.` and `B.`, a `(C)` line is a paragraph marked CONFIDENTIAL.
  let last = "";
  let parenthesised = false;
  for (const label of sofar.join(" ").matchAll(/(?:^|[\s;,])¶?\s*(?:\(([A-Z])\)|([A-Z])[.)])(?=\s|[A-Z]{3})/g)) {
    const letter = label[1] ?? label[2]!;
    if (letter === (last === "" ? "A" : String.fromCharCode(last.charCodeAt(0) + 1))) {
      last = letter;
      parenthesised = label[1] !== undefined;
    }
  }
  return parenthesised && m[1] === String.fromCharCode(last.charCodeAt(0) + 1);
}

/** Whether a line without keyword continues the field being read. */
function continues(field: Field, text: string, sofar: string[]): boolean {
  const length = sofar.reduce((n, s) => n + s.length, 0);
  switch (field) {
    case "tags":
      return length < 400 && text.length <= 100;
    case "subject":
      // Press-style bodies follow the subject with no blank line; their lines are long.
      return length < 300 && text.length <= 90;
    case "ref":
      return length < 4000;
    case "classifiedBy": {
      // The line runs until its sentence ends; a wrapped reason list (`and 1.4(d).`) still belongs to it.
      const joined = sofar.join(" ").trimEnd();
      const hasReason = /\b1\.[4-6]\s*\(?[a-h]/i.test(joined);
      return length < 300 && (!hasReason || (!joined.endsWith(".") && /^(and|or|&|,|\(|[a-h]\b|1\.\d)/i.test(text)));
    }
  }
}

/** The caveats of a line made only of caption words (`SENSITIVE`, `NOFORN SIPDIS`); null for any other line. */
function captionWords(text: string): string[] | null {
  if (!mayBeCaption(text)) return null;
  const upper = text.toUpperCase().replace(/[.]$/, "");
  // `NOFORN, NOT FOR INTERNET DISTRIBUTION`: a caveat with its explanation.
  const explained = /^(NOFORN|NODIS|EXDIS|LIMDIS|STADIS|SIPDIS)\s*(?:,|--?|:)\s*\S/.exec(upper);
  if (explained) return [explained[1]!];
  // `DEA SENSITIVE`, `LAW ENFORCEMENT SENSITIVE`: an agency's sensitive-but-unclassified marking.
  if (/^[A-Z]+(?: [A-Z]+)? SENSITIVE$/.test(upper) && upper.split(" ").length <= 3) return ["SENSITIVE"];
  const whole = CAPTION_WORDS[upper];
  if (whole !== undefined) return whole.split(" ").filter((w) => w !== "COPY" && w !== "CORRECTED");
  const words = upper.split(/[\s,]+/);
  const out: string[] = [];
  for (const w of words) {
    const c = CAPTION_WORDS[w];
    if (c === undefined) return null;
    out.push(c);
  }
  return out;
}

/**
 * False when `captionWords` cannot match, without upper-casing the line: each caption word starts with
 * S, N, E, L, F or C, and an agency's marking ends in SENSITIVE. Non-ASCII ends are left to the full test,
 * since upper-casing can turn them into ASCII letters.
 */
function mayBeCaption(text: string): boolean {
  const head = text.charCodeAt(0);
  if (head >= 128) return true;
  const h = head | 0x20; // ASCII lower case
  if (h === 115 || h === 110 || h === 101 || h === 108 || h === 102 || h === 99) return true; // s n e l f c
  let k = text.length - 1;
  if (text.charCodeAt(k) === 46) k--; // a final "." is dropped before matching
  const tail = text.charCodeAt(k);
  return tail >= 128 || (tail | 0x20) === 101; // e, as in SENSITIVE
}

function addCaveat(list: string[], caveat: string): void {
  if (!list.includes(caveat)) list.push(caveat);
}

/** For each line, how many non-blank lines later the next E.O., TAGS or SUBJECT line comes (Infinity if none). */
function keywordLinesAhead(lines: readonly Line[]): number[] {
  const ahead: number[] = new Array(lines.length);
  let distance = Infinity;
  for (let i = lines.length - 1; i >= 0; i--) {
    const text = lines[i]!.text.trim();
    if (isBlank(text)) {
      ahead[i] = distance;
      continue;
    }
    distance =
      EO_LINE.test(text) || TAGS_LINE.test(text) || SUBJECT_LINE.test(text) || /\b(?:E\.O\.|EO)\s*\d{5}\b/.test(text)
        ? 0
        : distance + 1;
    ahead[i] = distance;
  }
  return ahead;
}

function nextNonBlank(lines: readonly Line[], i: number): string {
  for (let j = i + 1; j < lines.length; j++) if (!isBlank(lines[j]!.text)) return collapse(lines[j]!.text);
  return "";
}
