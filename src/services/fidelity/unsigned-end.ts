// Whether a cable's text, as the collection holds it, has a signer at its end at all. A text that stops in prose, at a
// redaction, at the viewer's clipping or a missing-section note, or before its body, holds no signer for the parser
// to read: the signer check sets it aside with that reason instead of counting a miss. Any text whose last line could
// be or end in a name is checked.

/** Why the end of a text holds no signer, as the fidelity report names it. */
export type UnsignedEnd =
  | "ends in prose"
  | "ends mid-sentence"
  | "ends in a redaction"
  | "ends in a missing-section note"
  | "ends before its body";

// What the archive and the viewer put after the writer's text: end marks, lone stops, quotes and backslashes, a line of
// asterisks or dashes, NNNN, lone classification words.
const TRAILER =
  /^(?:NNNN|BT|=+\s*CABLE ENDS\s*=+|END CABLE TEXT|(?:UNCLASSIFIED|CONFIDENTIAL|SECRET)(?:\/\/NOFORN)?|[\s"'.,\\…*=_-]*)$/i;
// A name the signer could be: one to four words in capitals or capitalised, after what may stand before it.
const NAME_WORD = String.raw`(?:[A-Z][A-Za-z'’.-]*)`;
const NAME_LINE = new RegExp(String.raw`^${NAME_WORD}(?: ${NAME_WORD}){0,3}$`);
// A name run on at a line's end: after a sentence's end, a redaction, asterisks, a web address or several spaces.
// A name run on at a line's end: after a sentence's end, a redaction, asterisks, a web address or several spaces.
const RUN_ON_NAME = new RegExp(
  String.raw`(?:[.!?)"”’]|[Xx]{4,}|\*{3,}|\bcfm|_Kingdom|/|\s{2,})\s*(${NAME_WORD}(?: ${NAME_WORD}){0,2})$`,
);
// Words that close a passage or greet, never a name.
const NOT_NAME = /^(?:END|BEGIN|COMMENT|SUMMARY|NOTE|TEXT|REGARDS|THANKS|X+)\b/i;
const SENTENCE_END = /[.!?]["”’)]?$/;
const REDACTION = /X{4,}\W*$/i;
const CLIPPED = /\S\.\.\.$/;
const MISSING_SECTION = /\bMissing Section\b/i;
// Header and preamble lines: a text that ends with them has no body, let alone a signer. A short routing, TAGS,
// SUBJECT, REF or Classified By line; or a re-cased copy's header line, which ends in the TAGS codes.
const HEADER_LINE = /^(?:TAGS|SUBJE?C?T?|REF|E\.O\.|INFO|TO|FM|R[A-Z]{4,6}\/|SIPDIS\b|Classified By|[A-Z ]+ FOR )\b/i;
const ENDS_IN_TAGS = /\bE\.O\. \d{5}\b.*\bTAGS:?(?:[\s,]+[A-Z]{2,5})+$/;
const HEADER_LENGTH = 200;

/**
 * Why the text's end holds no signer, or null when its last line of writing could be or end in a name (then the parser
 * must read it). Reads only the last lines, so it costs little on a long text.
 * @example unsignedEnd("1. (C) We will follow up.\n") // "ends in prose"
 * @example unsignedEnd("1. (C) We will follow up.\n\nRICE\n") // null
 */
export function unsignedEnd(text: string): UnsignedEnd | null {
  const lines = text.slice(-4000).split("\n");
  let k = lines.length - 1;
  let clipped = false;
  let missing = false;
  for (; k >= 0; k--) {
    const line = lines[k]!.trim();
    if (MISSING_SECTION.test(line)) missing = true;
    else if (CLIPPED.test(line) && line.length <= 120) clipped = true;
    else if (!TRAILER.test(line)) break;
  }
  if (k < 0) return null;
  const last = lines[k]!.trim()
    .replace(/\s*\\v?$/, "")
    .replace(/\s+NNNN(?:\s+END CABLE TEXT)?$/i, "")
    .trim();
  if ((last.length <= HEADER_LENGTH && HEADER_LINE.test(last)) || ENDS_IN_TAGS.test(last))
    return "ends before its body";
  if (mayBeSigned(last)) return null;
  if (missing) return "ends in a missing-section note";
  if (REDACTION.test(last)) return "ends in a redaction";
  if (SENTENCE_END.test(last) || NOT_NAME.test(last)) return "ends in prose";
  if (clipped || /[a-z,;:-]$/.test(last)) return "ends mid-sentence";
  return null;
}

/** A line that is, or ends in, a name a signer could have. */
function mayBeSigned(line: string): boolean {
  // A lone word in lower case (`curran`, `huntsman`) may be a name as a re-cased copy writes it.
  if (/^[a-z][a-z'’-]{2,24}$/.test(line)) return true;
  const bare = line.replace(/[\s"',.]+$/, "").replace(/\s+(?:0\s+)?(?:\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{4})$/, "");
  const name = NAME_LINE.test(bare) ? bare : (RUN_ON_NAME.exec(bare)?.[1] ?? null);
  return name !== null && !NOT_NAME.test(name.replace(/^.*[.!?]\s+/, ""));
}
