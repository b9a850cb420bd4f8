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

/** A line drawn only to underline or frame a heading: `-----`, `=====`, `_____`. */
export function isRule(text: string): boolean {
  const first = text.trimStart()[0];
  if (first !== "-" && first !== "=" && first !== "_" && first !== "*" && first !== "~") return false;
  return /^\s*([-=_*~])\1{3,}\s*$/.test(text);
}
