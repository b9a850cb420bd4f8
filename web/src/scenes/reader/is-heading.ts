// Which blocks of a cable's body the reader shows as headings: the unnumbered short lines (`OBJECTIVES`,
// `BACKGROUND`) that the composer writes as headings, not an unnumbered cable's running text.

/** Longest line still read as a heading; running text of unnumbered cables is far longer. */
const HEADING_MAX = 80;

/**
 * Whether a body block is a heading: no paragraph number, one line, short, and not a sentence.
 * @example isHeading({ number: null, text: "OBJECTIVES" }) // true
 * @example isHeading({ number: 2, text: "OBJECTIVES" }) // false
 */
export function isHeading(block: { number: number | null; text: string }): boolean {
  const text = block.text.trim();
  return (
    block.number === null &&
    text.length > 0 &&
    text.length <= HEADING_MAX &&
    !text.includes("\n") &&
    !text.endsWith(".")
  );
}
