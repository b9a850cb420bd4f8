// Word wrapping for rendered telegrams, which never starts a line with a word the parser would misread.

/** Words that must not begin a continuation line: they would read as a paragraph number, bullet or keyword. */
const UNSAFE_START =
  /^(?:¶|-|\*|•|·|o$|\d{1,3}\.(?!\d)|SIPDIS$|SUBJ|TAGS|REF|E\.O\.|EO$|CLASSIFIED$|DECLASSIFY$|NNNN$|BT$|PAGE$)/i;

/**
 * Wraps text at `width` columns, keeping every word whole and never starting a line with a word that
 * would change meaning there (`5.`, `--`, `REF:`): such a word stays on the line before.
 * @example wrap("1. (U) The Department requests that posts act.", 20) // ["1. (U) The Department", "requests that posts", "act."]
 */
export function wrap(text: string, width: number): string[] {
  const words = text.split(" ").filter((w) => w.length > 0);
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line.length === 0) line = word;
    else if (line.length + 1 + word.length <= width || UNSAFE_START.test(word)) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line.length > 0) lines.push(line);
  return lines;
}
