// Lines of a telegram with their 1-based line numbers, and the small predicates every parsing step shares.

/** One input line: text without its line end, and its 1-based number in the input. */
export type Line = { text: string; no: number };

/**
 * Splits text into numbered lines, accepting LF, CRLF and lone CR line ends. A run of blank lines is kept as its
 * first line only: no rule of the parser counts blank lines, and a text of nothing but line ends would otherwise
 * cost an object per byte. Every line keeps its number in the input, so warnings still point at the right line.
 * @example splitLines("A\r\n\n \nB") // [{ text: "A", no: 1 }, { text: "", no: 2 }, { text: "B", no: 4 }]
 */
export function splitLines(text: string): Line[] {
  // Most archives use LF only: one indexOf per line. With CRs, the next CR and the next LF are each remembered
  // until passed, so a text with one CR at its start is not searched to its end for a CR on every line.
  let cr = text.indexOf("\r");
  let lf = -1;
  const lines: Line[] = [];
  let previousBlank = false;
  let start = 0;
  for (let no = 1; ; no++) {
    let end: number;
    const first = text.charCodeAt(start);
    if (first === 10 || first === 13) {
      end = start; // an empty line: no search, which matters in a long run of line ends
    } else if (cr < 0) {
      end = text.indexOf("\n", start);
      if (end < 0) end = text.length;
    } else {
      if (cr < start) cr = text.indexOf("\r", start) >>> 0; // none left: 2^32 - 1, past any end
      if (lf < start) lf = text.indexOf("\n", start) >>> 0;
      end = Math.min(cr, lf, text.length);
    }
    const blank = isBlankBetween(text, start, end);
    if (!blank || !previousBlank) lines.push({ text: text.slice(start, end), no });
    previousBlank = blank;
    if (end === text.length) return lines;
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
}

/** True when text[start, end) holds only white space. */
function isBlankBetween(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isSpaceCode(text.charCodeAt(i))) return false;
  return true;
}

/**
 * True for a UTF-16 code unit that `\s` and `String.prototype.trim` count as white space (NaN: false).
 * @example isSpaceCode(0xa0) // true
 */
export function isSpaceCode(c: number): boolean {
  // Letters, digits and punctuation fail the first two tests; the rare Unicode spaces are checked last.
  if (c > 32 && c < 0xa0) return false;
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * The first code unit after any leading white space; NaN for a blank line. Lets a line skip an anchored
 * `^\s*WORD` regex with one comparison when it cannot start that way, which is most lines.
 * @example firstNonSpaceCode("  SIPDIS") === "S".charCodeAt(0) // true
 */
export function firstNonSpaceCode(text: string): number {
  const c = text.charCodeAt(0);
  if (c > 32 && c < 0xa0) return c; // most lines start with a letter, digit or punctuation
  let i = 0;
  while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
  return text.charCodeAt(i);
}

/** True for a line that holds only white space. */
export function isBlank(text: string): boolean {
  return text.trim().length === 0;
}

/**
 * Collapses runs of white space (including non-breaking spaces) to one space and trims.
 * @example collapse("  A \u00a0 B ") // "A B"
 */
export function collapse(text: string): string {
  const trimmed = text.trim();
  // Most lines need no more than a trim. indexOf is far cheaper than a regex scan on this hot path.
  if (
    trimmed.indexOf("  ") < 0 &&
    trimmed.indexOf("\t") < 0 &&
    trimmed.indexOf("\u00a0") < 0 &&
    trimmed.indexOf("\n") < 0
  ) {
    return trimmed;
  }
  return trimmed.replace(/[\s\u00a0]+/g, " ");
}

/**
 * `collapse` for a line of a text that holds no tab and no non-breaking space (see `hasOddSpaces`): a line of
 * `splitLines` holds no line end either, so only double spaces are left to look for. Same result as `collapse`.
 * @example collapsePlainLine("  A  B ") // "A B"
 */
export function collapsePlainLine(text: string): string {
  const trimmed = text.trim();
  return trimmed.indexOf("  ") < 0 ? trimmed : trimmed.replace(/[\s\u00a0]+/g, " ");
}

/**
 * Whether a text holds a tab or a non-breaking space anywhere: two searches of the whole text instead of two per
 * line in `collapse`. Lines of a text without them can use `collapsePlainLine`.
 * @example hasOddSpaces("A\tB") // true
 */
export function hasOddSpaces(text: string): boolean {
  return text.indexOf("\t") >= 0 || text.indexOf("\u00a0") >= 0;
}

const RULE = /^\s*([-=_*~])\1{3,}\s*$/;

/**
 * A line drawn only to underline or frame a heading: `-----`, `=====`, `_____`. `first` is its
 * `firstNonSpaceCode`, when the caller has it already.
 */
export function isRule(text: string, first = firstNonSpaceCode(text)): boolean {
  return isRuleCode(first) && RULE.test(text);
}

/** - = _ * ~: what a rule can be drawn with. */
function isRuleCode(c: number): boolean {
  return c === 45 || c === 61 || c === 95 || c === 42 || c === 126;
}
