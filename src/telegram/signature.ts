// The signature at the end of a body: the signer's name alone on the last line (or two names on the last two), or run
// on after the last sentence, a website notice or a redaction; with what archives and viewers leave after it ignored.
import { collapse, isBlank as isBlankText, type Line } from "./lines.ts";

const SIGNATURE = /^[A-Z]{2}[A-Z.'’ -]{0,37}[A-Z]$/;
// Lines in capitals that are not names: the text's own marks and closes, and phrases (a name has no `AND` or `OF`).
const NOT_SIGNATURES =
  /^(?:(?:END|BEGIN)\b.*|SIPDIS|NNNN|BT|UNCLASSIFIED|CONFIDENTIAL|SECRET|COMMENT|SUMMARY|NOTE|TEXT|QUOTE|UNQUOTE|BACKGROUND|THANKS|THANK YOU|(?:BEST |KIND )?REGARDS|MINIMIZE CONSIDERED|.*\b(?:AND|OR|THE|OF|TO|FOR|IN|ON|WITH|FROM)\b.*)\.?$/;
const TERMINAL = /[.!?:;"'”’)\]]$/;

// A name as signed: upper case (`RICE`, `VAN VOORST`), or mixed case (`Susman`, `van Voorst`), one to three words.
const NAME = String.raw`(?:(?:[A-Z][a-z]+ )?[A-Z][A-Z'’-]*[A-Z](?: [A-Z][A-Z'’-]+){0,2}|(?:(?:van|de|von|da|del|di|du|le|la) )?[A-Z][a-z][A-Za-z'’-]*(?: [A-Z][a-z][A-Za-z'’-]*){0,1})`;
const MIXED_SIGNATURE = new RegExp(
  `^(?:(?:van|de|von|da|del|di|du|le|la) )?[A-Z][a-z][A-Za-z'’-]*(?: [A-Z][a-z][A-Za-z'’-]*){0,1}(?: (?:jr|Jr|JR|Sr|III|II)\\.?)?$`,
);
// A given name before a surname in capitals: `Leslie BASSETT`.
const GIVEN_NAME = /^[A-Z][a-z]+ [A-Z][A-Z'’-]+$/;
// A signature run on at the end of the last line: after a sentence's end, a redaction, a row of asterisks, or the
// address of the post's classified website (which the archive often broke with a space: `index. cfm`, `Unit ed_Kingdom`).
const RUN_ON_SIGNATURE = new RegExp(
  String.raw`^(.*(?:[A-Za-z0-9.!?)"”’\]][.!?)"”’\]]|[Xx]{4,}|\*{3,}(?: \*+)*|https?:\/\/\S*(?: [a-z_/.][\w./-]*)?|\b(?:END|End) (?:COMMENT|Comment|comment|TEXT|Text|text|NOTE|Note|note)|\bOF \d{3}))(?:\s+#?|(?<=[a-z0-9][.!?])|(?<=X{4})(?=[A-WYZ]))(${NAME})$`,
);
const REDACTED = /^X+$/;
// The longest line read as a signature line (a name with what may stand around it).
const LONGEST_SIGNATURE_LINE = 120;
// Only the end of the last line is searched for a run-on signature, which keeps a pathological line linear.
const RUN_ON_REACH = 240;
// A line before a signature may end a sentence or a redaction (`Visit London's Classified Website: XXXXXXXXXXXX`), be
// a website's address or a frame of asterisks, or close a comment without its full stop.
const ENDS_REDACTION = /X{4,}\s*$/;
const WEBSITE_LINE = /https?:\/\/|\bClassified (?:Web ?site|SIPRNET)|^\*{3,}[* ]*$/i;
const CLOSING_LINE = /(?:^|\s)(?:END (?:COMMENT|NOTE|TEXT|SUMMARY|OF TEXT|OF TRANSLATION)|MINIMIZE CONSIDERED)$/i;
// Lines after the signature that are not the writer's: end of message, the viewer's end mark, a lone classification,
// what a re-cased copy made of NNNN, a lone quotation mark or stop, and the viewer's clipped previews (`DANIEL ORTEGA AN...`).
const TRAILER =
  /^\s*(?:NNNN|BT|#\d+|=+\s*CABLE ENDS\s*=+|(?:UNCLASSIFIED|CONFIDENTIAL|SECRET)(?:\/\/NOFORN)?|[\s"'.,\\…/]*|.{0,100}\S\.\.\.|SELECT \* FROM\b.*|SENSITIVE BUT UNCLASSIFIED|\d{1,3}|\d{1,2}\/\d{1,2}\/\d{4})\s*$/i;
// After the signature too: the post's website notice (`"Visit Ankara's Classified Web Site at http://...`) and its
// wrapped address, and the stamps a newspaper's copy printed (`Track impresión: ...`, `ID: 187536`).
const NOTICE_TRAILER =
  /^\s*(?:["“]?Visit .{0,60}Classified Web ?[Ss]ite(?:\s*(?:at|:))*(?:\s*\S*[:/.]\S*){0,2}|\S*(?:\.gov|\/wiki\/)\S*["”]?|Track impresi.*|ID:\s*\d+|\S+ @ EL P\S*)\s*$/;
// The viewer's end mark: whatever follows it is the viewer's, not the cable's.
const CABLE_ENDS = /^\s*=+\s*CABLE END/;
// How many lines from the end the viewer's end mark and trailers are looked for.
const TRAILER_REACH = 8;
// What may stand before a signature on its line (`END COMMENT. RICE`, `MINIMIZE CONSIDERED SHANNON`), or after it:
// NNNN, a date an export appended (`BURNS 2006-03-31`, `STEVENS 0 03/04/2008`), a stop, quotes and commas.
const SIGNATURE_LEAD =
  /^(?:#|["']+|\*+\s+|(?:END (?:COMMENT|NOTE|TEXT|SUMMARY|TALKING POINTS|ACTION REQUEST)|MINIMIZE CONSIDERED|UNQUOTE)\.?\s+)/i;
const SIGNATURE_TRAIL =
  /(?:\s+NNNN(?:\s+END CABLE TEXT)?|(?<![.])\.\.|\s+\.|\s+(?:0\s+)?(?:\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{4})|[\s"',\\]+)$/i;
// A signer in lower case (`tuttle`) is read only under a website notice, where nothing else can stand.
const LOWER_SIGNATURE = /^[a-z][a-z'’-]{2,24}$/;
// A line ending so cannot be followed by the end of its sentence: the next line goes on with it.
const OPEN_END = /\b(?:to|the|of|and|by|for|with|from|in|on|at|a|an|or|as)$/i;

/**
 * Removes the signature from the end of the body lines and returns its names: one name alone on the last line, or
 * two (`GOLDRICH` / `BERRY`) on the last two; none when the text ends in prose. The viewer's and archive's marks
 * after the signature are removed with it.
 * @example takeSignature(splitLines("1. Hello.\n\nRICE\nNNNN")) // ["RICE"]
 */
export function takeSignature(lines: Line[]): string[] {
  const end = writingEnd(lines);
  let i = end - 1;
  while (i >= 0 && isBlank(lines[i]!.text)) i--;
  if (i < 0) return [];
  const last = signedName(lines[i]!.text);
  let j = i - 1;
  const blankBefore = j >= 0 && isBlank(lines[j]!.text);
  while (j >= 0 && isBlank(lines[j]!.text)) j--;
  const before = j >= 0 ? lineText(lines[j]!.text) : "";
  // `SUSMAN.`: a name with a stop, read only under a website notice, a redaction or a comment's close, where a
  // sentence of one word in capitals does not stand.
  const stopped = /^(.*[A-Z])\s?\.$/.exec(last);
  if (stopped && !blankBefore && SIGNATURE.test(stopped[1]!) && isSignatureLine(stopped[1]!) && closesText(before)) {
    lines.length = i;
    return [stopped[1]!];
  }
  if (!isSignatureLine(last)) {
    // A name in lower case is read under a website notice or a comment's close, or under the same name capitalised.
    const lower = LOWER_SIGNATURE.test(last) && !blankBefore;
    const twice = lower && before.toUpperCase() === last.toUpperCase();
    if (!(lower && (twice || WEBSITE_LINE.test(before) || CLOSING_LINE.test(before))))
      return takeRunOnSignature(lines, i, end);
    lines.length = twice ? j : i;
    return [twice ? before : last];
  }
  // A second name right above the first: both signed; a name written twice is one signer.
  if (j >= 0 && !blankBefore) {
    const first = signedName(lines[j]!.text);
    const same = first.toUpperCase() === last.toUpperCase();
    if (same || (isTwoSigners(first, last, before) && precedesSignature(lines, j))) {
      lines.length = j;
      return same ? [last] : [first, last];
    }
  }
  if (j >= 0 && !blankBefore && !mayPrecedeSignature(before, last)) return [];
  lines.length = i;
  return [last];
}

/** Two names in capitals on two lines, neither a word of the text. */
function isTwoSigners(first: string, last: string, firstLine: string): boolean {
  return SIGNATURE.test(first) && SIGNATURE.test(last) && isSignatureLine(first) && !SIGNATURE_LEAD.test(firstLine);
}

/** A website notice, a redaction or a comment's close: what ends a cable's text before its signature. */
function closesText(line: string): boolean {
  return (
    WEBSITE_LINE.test(line) || ENDS_REDACTION.test(line) || /\bEND (?:COMMENT|NOTE|TEXT|SUMMARY)\.?\)?$/i.test(line)
  );
}

/** Whether the line at `j` may stand right above a signature: a blank, a finished sentence, and the like. */
function precedesSignature(lines: readonly Line[], j: number): boolean {
  if (j === 0 || isBlank(lines[j - 1]!.text)) return true;
  return mayPrecedeSignature(lineText(lines[j - 1]!.text), "");
}

/**
 * Whether `before` may be the line right above the signature `name`: a finished sentence, a redaction, a website
 * notice, the close of a comment; or, in a text in mixed case, any line not left open above a name in capitals.
 */
function mayPrecedeSignature(before: string, name: string): boolean {
  if (TERMINAL.test(before) || ENDS_REDACTION.test(before) || WEBSITE_LINE.test(before) || CLOSING_LINE.test(before))
    return true;
  return /[a-z]{2}/.test(before) && !OPEN_END.test(before) && SIGNATURE.test(name);
}

/** Index just past the last line of the writer's: before the viewer's end mark and the trailers after the text. */
function writingEnd(lines: readonly Line[]): number {
  let end = lines.length;
  const reach = Math.max(0, lines.length - TRAILER_REACH);
  for (let k = lines.length - 1; k >= reach; k--) if (CABLE_ENDS.test(lines[k]!.text)) end = k;
  let trailers = 0;
  while (end > 0 && trailers < TRAILER_REACH) {
    const text = lines[end - 1]!.text;
    if (isBlank(text)) end--;
    else if (text.length <= 160 && (TRAILER.test(text) || NOTICE_TRAILER.test(text))) {
      end--;
      trailers++;
    } else break;
  }
  return end;
}

/** A line as read for a signature: collapsed, without the archive's line-continuation backslash. */
function lineText(text: string): string {
  const line = collapse(text);
  // `NORLAND \v`: the continuation backslash, once with the escape of a vertical tab.
  return line.replace(/\s*\\v?$/, "");
}

function isSignatureLine(name: string): boolean {
  const named =
    (SIGNATURE.test(name) && name.split(" ").length <= 4) || MIXED_SIGNATURE.test(name) || GIVEN_NAME.test(name);
  return named && !NOT_SIGNATURES.test(name.toUpperCase()) && !REDACTED.test(name);
}

/** The name of a signature line without what stands around it; a name written twice (`BOYCE BOYCE`) once. */
function signedName(text: string): string {
  // A line this long is no name; it is only read for a name run on at its end.
  if (text.length > LONGEST_SIGNATURE_LINE) return text;
  let name = lineText(text).replace(SIGNATURE_LEAD, "");
  for (let k = 0; k < 3; k++) name = name.replace(SIGNATURE_TRAIL, "");
  const words = name.split(" ");
  const half = words.length / 2;
  if (
    words.length % 2 === 0 &&
    words.slice(0, half).join(" ").toUpperCase() === words.slice(half).join(" ").toUpperCase()
  ) {
    return words.slice(0, half).join(" ");
  }
  return name;
}

/**
 * A signature run on at the end of the last paragraph (`... End comment. CROCKER`): one to three words after a
 * sentence's end, a redaction, asterisks or a website's address, taken off the paragraph. The sentence before must be
 * in mixed case, or close a comment or note, or be set apart by several spaces, so that the last words of an
 * all-capitals cable are not taken for a name.
 */
function takeRunOnSignature(lines: Line[], i: number, end: number): string[] {
  const raw = lines[i]!.text;
  // Only the line's end can hold the name and what follows it: the rest is not searched.
  const line = lineText(raw);
  const cut = Math.max(0, line.length - 2 * RUN_ON_REACH);
  const marked = line.slice(0, cut) + line.slice(cut).replace(SIGNATURE_TRAIL, "");
  const m = runOnName(marked);
  if (!m) return [];
  const allCapitals = !/[a-z]/.test(m.before.slice(-200));
  const setApart = new RegExp(String.raw`\s{3,}${escapeRegExp(m.name)}\W*$`).test(raw.slice(-RUN_ON_REACH));
  if (allCapitals && !setApart && !/\bEND (?:COMMENT|NOTE|SUMMARY)\.?$|X{4,}$|\*{3,}$|https?:/.test(m.before))
    return [];
  lines[i] = { text: m.before, no: lines[i]!.no };
  lines.length = Math.min(lines.length, Math.max(i + 1, end));
  return [m.name];
}

/** The name run on at the end of `line` and the text before it. */
function runOnName(line: string): { before: string; name: string } | null {
  const tail = line.slice(-RUN_ON_REACH);
  const m = RUN_ON_SIGNATURE.exec(tail);
  const name = m ? m[2]!.replace(SIGNATURE_LEAD, "") : "";
  if (!m || NOT_SIGNATURES.test(name.toUpperCase()) || REDACTED.test(name)) return null;
  return { before: line.slice(0, line.length - tail.length) + m[1]!, name };
}

/** A blank line, or one holding only the archive's line-continuation backslash. */
function isBlank(text: string): boolean {
  return isBlankText(text) || /^\s*\\\s*$/.test(text);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
