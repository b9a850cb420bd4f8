// Lines of a telegram with their 1-based line numbers, and the small predicates every parsing step shares.

/** One input line: text without its line end, and its 1-based number in the input. */
export type Line = { text: string; no: number };

/**
 * Splits text into numbered lines, accepting LF, CRLF and lone CR line ends.
 * @example splitLines("A\r\nB") // [{ text: "A", no: 1 }, { text: "B", no: 2 }]
 */
export function splitLines(text: string): Line[] {
  // Most archives use LF only; the regex split is several times slower, so keep it for texts that need it.
  const parts = text.includes("\r") ? text.split(/\r\n|\r|\n/) : text.split("\n");
  const lines: Line[] = new Array(parts.length);
  for (let i = 0; i < parts.length; i++) lines[i] = { text: parts[i]!, no: i + 1 };
  return lines;
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
