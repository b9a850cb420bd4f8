// Megabyte inputs built to provoke catastrophic regex backtracking or quadratic joins in a telegram parser.
// Each repeats one unit that a parser rule half-matches (an open parenthesis, a REF heading, a spaced-out level);
// the eight-megabyte ones are blank lines, the input with the most lines per byte.

const MEGABYTE = 1 << 20;

/** `unit` repeated to exactly `megabytes` megabytes (in UTF-16 code units). */
function megabyteOf(unit: string, megabytes = 1): string {
  const size = megabytes * MEGABYTE;
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** One line of a wrapped body, repeated: the shape of a very long paragraph. */
const WRAPPED_LINE = "efforts to assure a stable and prosperous future for the\n";

/** Each input by name; built on demand, since a child process builds only the one it parses. */
export const PATHOLOGICAL_INPUTS: Readonly<Record<string, () => string>> = {
  "1 MB of one character": () => megabyteOf("A"),
  "1 MB of '('": () => megabyteOf("("),
  "1 MB of '(C'": () => megabyteOf("(C"),
  "1 MB of 'A. '": () => megabyteOf("A. "),
  "1 MB of 'REF: '": () => megabyteOf("REF: "),
  "1 MB of '¶1.'": () => megabyteOf("¶1."),
  "1 MB of '1. ('": () => megabyteOf("1. ("),
  "1 MB of spaces": () => megabyteOf(" "),
  "1 MB of newlines": () => megabyteOf("\n"),
  "1 MB of CRs": () => megabyteOf("\r"),
  "1 MB of 'S E C R E T '": () => megabyteOf("S E C R E T "),
  "1 MB of 'TAGS: PREL, '": () => megabyteOf("TAGS: PREL, "),
  "1 MB of 'E.O. 12958: DECL: '": () => megabyteOf("E.O. 12958: DECL: "),
  "1 MB of 'Classified By: X for reason 1.4'": () => megabyteOf("Classified By: X for reason 1.4"),
  "1 MB of '-- '": () => megabyteOf("-- "),
  "1 MB of addressee lines": () => "TO " + megabyteOf("RUEHOU/AMEMBASSY OUAGADOUGOU NIACT IMMEDIATE 6893\n"),
  "1 MB of page lines": () => megabyteOf("STATE 00039345 002 OF 002\n\n"),
  "1 MB paragraph of wrapped lines": () => "UNCLAS STATE 016245\n\n1. (U) " + megabyteOf(WRAPPED_LINE),
  "1 MB of numbered paragraphs": () => "UNCLAS STATE 016245\n\n" + megabyteOf("1. (U) x\n\n"),
  "1 MB line of digits": () => megabyteOf("0123456789"),
  "8 MB of newlines": () => megabyteOf("\n", 8),
  "8 MB of CRLFs": () => megabyteOf("\r\n", 8),
  "8 MB of blank lines with spaces": () => megabyteOf("  \n", 8),
  "8 MB of blank lines after a REF item": () => "REF: A. STATE 1\n" + megabyteOf("\n", 8) + "B. STATE 2\n",
};
