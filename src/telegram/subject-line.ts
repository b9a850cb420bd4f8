// The SUBJECT line's own words: without a portion mark before them, and without what a joined or run-on header put
// after them on the same line (REF, Classified By, a handling note, the first paragraph). Also finds the SUBJECT line
// where the preamble reading stopped before it (an unknown line, the archive's continuation backslashes).
import { parsePortionMark } from "../core/index.ts";
import { collapse, isBlank, type Line } from "./lines.ts";

const LEADING_MARK = /^\(\s*([A-Za-z/ ]{1,16}?)\s*\)\s*/;
// Where the subject ends on its line: what follows it is another part of the header or the body.
const RUN_ON_END =
  /\s+(?:(?:REFTELS?|REFS?|Ref\(s\)|REFERENCES?)\s*:|Classified\s+By\b|(?:Sensitive\s+but\s+unclassified|SBU)\W{0,3}\s*(?:Please\s+)?(?:handle|protect)\s+accordingly|¶?\d{1,2}\.\s*\((?:U|C|S|SBU|TS)\b[^)]{0,20}\)|\((?:U|C|S|SBU)\)\s)/i;
const SUBJECT_LINE = /^\s*SUBJ(?:ECT)?\b\s*:?\s*(.*)$/i;
// What ends a subject's continuation lines.
const NEXT_PART = /^(?:REF|Classified\s+By|¶?\d{1,2}\s*\.|\(|E\.O\.|TAGS\b)/i;
const MAX_LENGTH = 300;
// How far into the text a SUBJECT line is looked for.
const REACH = 80;

/**
 * The subject as a careful reader sees it.
 * @example cleanSubject("(C) HMG ON IRAN REF: STATE 12") // "HMG ON IRAN"
 * @example cleanSubject("H1N1 IN CAIRO Sensitive but Unclassified. Please handle accordingly. 1.(SBU) The...") // "H1N1 IN CAIRO"
 */
export function cleanSubject(subject: string): string {
  let text = subject.length > 4 * MAX_LENGTH ? subject.slice(0, 4 * MAX_LENGTH) : subject;
  const mark = LEADING_MARK.exec(text);
  if (mark && parsePortionMark(mark[1]!.toUpperCase()) !== null) text = text.slice(mark[0].length);
  const end = RUN_ON_END.exec(text);
  if (end && end.index > 0) text = text.slice(0, end.index);
  // The archive's line-continuation backslashes, kept where the subject's lines were joined.
  return collapse(text.replace(/\s+\\(?=\s|$)/g, ""));
}

/**
 * The subject of the first SUBJECT line among the first lines, with its continuation lines (or the next line when it
 * stands alone); null when there is none.
 * @example findSubject(splitLines("TAG PREL\nSUBJECT: X\nY\n\n1. Z")) // "X Y"
 */
export function findSubject(lines: readonly Line[]): string | null {
  const end = Math.min(lines.length, REACH);
  for (let i = 0; i < end; i++) {
    const m = SUBJECT_LINE.exec(lines[i]!.text.length > 2000 ? "" : lines[i]!.text);
    if (!m) continue;
    const parts = [unwrap(m[1]!)];
    let j = i + 1;
    // `SUBJECT:` alone, with the subject after a blank line.
    if (parts[0]!.length === 0) {
      while (j < lines.length && isBlankLine(lines[j]!.text)) j++;
      const alone = j < lines.length ? unwrap(lines[j]!.text) : "";
      if (alone.length === 0 || NEXT_PART.test(alone)) return null;
      parts[0] = alone;
      j++;
    }
    for (; j < lines.length && parts.join(" ").length < MAX_LENGTH; j++) {
      const next = unwrap(lines[j]!.text);
      if (next.length === 0 || NEXT_PART.test(next) || next.length > 90) break;
      parts.push(next);
    }
    const subject = cleanSubject(parts.join(" "));
    return subject.length > 0 ? subject : null;
  }
  return null;
}

/** A line without the archive's continuation backslash, collapsed. */
function unwrap(text: string): string {
  return collapse(text.replace(/\s*\\\s*$/, ""));
}

function isBlankLine(text: string): boolean {
  return isBlank(text) || /^\s*\\\s*$/.test(text);
}
