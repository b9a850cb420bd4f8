// The classification line: `C O N F I D E N T I A L SECTION 01 OF 02 STATE 039345`, with its variants.
import type { Classification } from "../core/index.ts";
import { isSpaceCode } from "./lines.ts";

export type ClassificationLine = {
  classification: Classification;
  /** Station as written (`RIO DE JANEIRO`), or null when the line carries no message number. */
  station: string | null;
  serial: number | null;
  section: { index: number; total: number } | null;
  /** Caveats written on the same line: `S E C R E T BOGOTA 000243 SIPDIS NOFORN`. */
  caveats: string[];
};

// Spaced forms are matched in any case (`S e c r e t berlin 001068`); doubled first letters are a known garble.
const LEVELS: [RegExp, Classification][] = [
  [/^T\s?O\s?P\s+S\s?E\s?C\s?R\s?E\s?T\b/i, "TOP SECRET"],
  [/^S{1,2}\s?E\s?C\s?R\s?E\s?T\b/, "SECRET"],
  [/^S?\sE\sC\sR\sE\sT\b/i, "SECRET"],
  [/^(?:C{1,2}\s?|(?=O\sN\sF))O\s?N\s?F\s?I\s?D\s?E\s?N\s?T\s?I\s?A\s?L\b/, "CONFIDENTIAL"],
  [/^C?\sO\sN\sF\sI\sD\sE\sN\sT\sI\sA\sL\b/i, "CONFIDENTIAL"],
  [/^LIMITED\s+OFFICIAL\s+USE\b/, "LIMITED OFFICIAL USE"],
  [/^U{1,2}NCLAS(?:SIFIED)?\b/, "UNCLASSIFIED"],
];

// One cheap test that every classification line passes and nearly every other line fails in a few characters.
const FIRST_LETTER =
  /^\s*(?:U{1,2}NCLAS|C{0,2}\s?O\s?N\s?F|S{0,2}\s?E\s?C\s?R\s?E\s?T|T\s?O\s?P\s|LIMITED\s|[SsCc]\s[EeOo]\s)/;
/**
 * Whether the first two non-blank code units allow FIRST_LETTER: `UN`, `CO`, `S `, `TO`, ... Two comparisons
 * turn away "The", "She", "Contact" is let through; it is a necessary condition, never a sufficient one.
 */
function mayStartClassification(text: string): boolean {
  let i = 0;
  while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
  const b = text.charCodeAt(i + 1);
  switch (text.charCodeAt(i)) {
    case 85: // U: UNCLAS, UUNCLAS
      return b === 78 || b === 85;
    case 67: // C: CONF, CCONF, C ONF, C O N F
      return b === 79 || b === 67 || isSpaceCode(b);
    case 79: // O: ONF, O N F (a lost C)
      return b === 78 || isSpaceCode(b);
    case 83: // S: SECRET, SSECRET, S E C R E T
      return b === 69 || b === 83 || isSpaceCode(b);
    case 69: // E: ECRET, E C R E T (a lost S)
      return b === 67 || isSpaceCode(b);
    case 84: // T: TOP, T O P
      return b === 79 || isSpaceCode(b);
    case 76: // L: LIMITED
      return b === 73;
    case 115: // s e c r e t
    case 99: // c o n f
      return isSpaceCode(b);
    default:
      return false;
  }
}
const SECTION = /\bSECTION\s+(\d{1,2})\s+OF\s+(\d{1,2})\b/i;
const STATION_NUMBER = /^([A-Za-z][A-Za-z .'-]*?)\s+(\d{1,7})\b\s*(.*)$/;
const CAVEAT_WORDS = /^(SIPDIS|NOFORN|NODIS|EXDIS|LIMDIS|STADIS|SENSITIVE|CORRECTED COPY)$/i;

/**
 * Recognises a classification line; null for any other line. Only lines whose rest is a section, a
 * station and number, caveats, or nothing count, so body sentences that begin with "Secret" do not.
 * @example readClassificationLine("UNCLAS STATE 016245")
 * // { classification: "UNCLASSIFIED", station: "STATE", serial: 16245, section: null, caveats: [] }
 */
export function readClassificationLine(text: string): ClassificationLine | null {
  // Every classification word starts with one of these letters; most lines fail here, cheaply.
  if (!mayStartClassification(text) || !FIRST_LETTER.test(text)) return null;
  const line = text.trim();
  if (line.length > 2000) return null;
  for (const [pattern, classification] of LEVELS) {
    const m = pattern.exec(line);
    if (!m) continue;
    let rest = line.slice(m[0].length).trim();
    let section: ClassificationLine["section"] = null;
    const s = SECTION.exec(rest);
    if (s) {
      // SECTION 00 OF 00 is a garble, not a section.
      if (Number(s[1]) > 0 && Number(s[2]) > 0) section = { index: Number(s[1]), total: Number(s[2]) };
      rest = `${rest.slice(0, s.index)} ${rest.slice(s.index + s[0].length)}`.trim();
    }
    const caveats: string[] = [];
    let station: string | null = null;
    let serial: number | null = null;
    const n = STATION_NUMBER.exec(rest);
    if (n) {
      station = n[1]!.replace(/\s+/g, " ").trim();
      serial = Number(n[2]);
      rest = n[3]!;
    }
    for (const word of rest.split(/\s+/).filter((w) => w.length > 0)) {
      if (CAVEAT_WORDS.test(word)) caveats.push(word.toUpperCase());
      else if (station === null) return null; // "Secret talks began ..." is prose, not a classification line
    }
    return { classification, station, serial, section, caveats };
  }
  return null;
}
