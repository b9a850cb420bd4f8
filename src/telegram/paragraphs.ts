// The body: numbered paragraphs with portion marks, headings, bullets, and the signature at the end.
import { parsePortionMark, type Paragraph } from "../core/index.ts";
import { collapse, collapsePlainLine, firstNonSpaceCode, isBlank, isRule, type Line } from "./lines.ts";
import type { Warn } from "./warnings.ts";

const PARAGRAPH_START = /^(¶\s?)?(\d{1,3})\s?\.(?=\s|\(|$)\s*(.*)$/;
const STARTS_WITH_NUMBER = /^\s*¶?\s?\d/;
const MARK = /^\(\s*([^()]{1,40}?)\s*\)(?=\s|$)\s*(.*)$/;
const BULLET = /^(?:-|\*|•|·|o\s)/;
const TERMINAL = /[.!?:;"'”’)\]]$/;
const SIGNATURE = /^[A-Z]{2}[A-Z.'’ -]{0,37}[A-Z]$/;
const NOT_SIGNATURES =
  /^(END (SUMMARY|NOTE|TEXT|COMMENT|CABLE)|BEGIN (TEXT|SUMMARY)|SIPDIS|NNNN|BT|UNCLASSIFIED|CONFIDENTIAL|SECRET|COMMENT|SUMMARY|NOTE|BACKGROUND)\.?$/;

// A name as signed: upper case (`RICE`, `VAN VOORST`), or mixed case (`Susman`, `van Voorst`), one to three words.
const NAME = String.raw`(?:[A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+){0,2}|(?:(?:van|de|von|da|del|di|du|le|la) )?[A-Z][a-z][A-Za-z'’-]*(?: [A-Z][a-z][A-Za-z'’-]*){0,1})`;
const MIXED_SIGNATURE = new RegExp(
  `^(?:(?:van|de|von|da|del|di|du|le|la) )?[A-Z][a-z][A-Za-z'’-]*(?: [A-Z][a-z][A-Za-z'’-]*){0,1}$`,
);
// A signature run on at the end of the last line, after a sentence's end or a redaction.
const RUN_ON_SIGNATURE = new RegExp(
  String.raw`^(.*(?:[A-Za-z0-9.!?)"”’][.!?)"”’]|X{4,}))(?:\s+#?|(?<=[a-z0-9][.!?]))(${NAME})$`,
);
const REDACTED = /^X+$/;
// A line before a signature may end a sentence or a redaction (`Visit London's Classified Website: XXXXXXXXXXXX`).
const RUN_ON_REACH = 120;
const ENDS_REDACTION = /X{4,}\s*$/;
// Lines after the signature that are not the writer's: end of message, the viewer's end mark, a lone classification.
const TRAILER = /^\s*(?:NNNN|BT|#\d+|=+\s*CABLE ENDS\s*=+|(?:UNCLASSIFIED|CONFIDENTIAL|SECRET)(?:\/\/NOFORN)?)\s*$/;

export type Body = { paragraphs: Paragraph[]; signers: string[] };

type Entry = { number: number | null; marking: string | null; heading: boolean; blocks: string[][] };

/**
 * Reads the body lines into paragraphs and signers. `oddSpaces` may be false when the lines come from
 * `splitLines` of a text without tabs and non-breaking spaces (`hasOddSpaces`); it only saves time.
 *
 * A numbered line starts a paragraph when the number carries `¶`, follows a blank line, is followed by a
 * portion mark, or continues the numbering; otherwise "5." at the start of a wrapped line would split a
 * sentence. Where the archive turned `¶1.` into `11.` (numbering starts at 11, no `¶` anywhere), the
 * paragraphs are renumbered from 1 with a warning.
 * @example readBody(splitLines("1. (U) Hello.\n\nRICE"), warn) // { paragraphs: [{ number: 1, marking: "U", text: "Hello." }], signers: ["RICE"] }
 */
export function readBody(input: readonly Line[], warn: Warn, oddSpaces = true): Body {
  // Every body line is collapsed; the text-wide `oddSpaces` spares most of them three searches each.
  const collapseLine = oddSpaces ? collapse : collapsePlainLine;
  const lines: Line[] = [];
  for (const l of input) {
    // SIPDIS on its own line, or pasted in front of one, is an archive artefact in the body, never the writer's.
    // Both forms start with it, so a line whose first letter is not S is kept as it is without a search.
    const first = firstNonSpaceCode(l.text);
    if (first === 83 /* S */ && l.text.includes("SIPDIS")) {
      if (/^\s*SIPDIS\s*$/.test(l.text)) continue;
      lines.push({ text: l.text.replace(/^\s*SIPDIS\s+(?=\S)/, ""), no: l.no });
    } else if (isRule(l.text, first)) lines.push({ text: "", no: l.no });
    else lines.push(l);
  }
  const signers = takeSignature(lines);
  const offset = mangledNumberingOffset(lines);
  if (offset !== 0) {
    const first = lines.find((l) => PARAGRAPH_START.test(l.text.trim()));
    warn(
      "mangled_paragraph_numbers",
      first?.no ?? 0,
      "paragraphs numbered 11, 12, ... read as 1, 2, ... (the ¶ sign was lost)",
    );
  }
  const entries: Entry[] = [];
  let pending: string[] = [];
  let pendingEntry: Entry | null = null; // the entry whose first block `pending` is, if any
  let lastNumber = 0;
  let previousBlank = true;

  const flush = () => {
    if (pending.length === 0) return;
    const block = pending;
    pending = [];
    if (pendingEntry !== null) {
      pendingEntry.blocks.push(block);
      pendingEntry = null;
      return;
    }
    placeBlock(entries, block);
  };

  for (const line of lines) {
    const text = collapseLine(line.text);
    if (text.length === 0) {
      flush();
      previousBlank = true;
      continue;
    }
    // `text` is trimmed, so a paragraph number can only follow a leading digit or ¶.
    const c = text.charCodeAt(0);
    const start = (c >= 48 && c <= 57) || c === 0xb6 ? PARAGRAPH_START.exec(text) : null;
    if (start) {
      const raw = Number(start[2]);
      const number = offset === 0 ? raw : raw >= 110 ? raw - 100 : raw - offset;
      const mark = readMark(start[3]!);
      const accepted =
        number > 0 && (start[1] !== undefined || previousBlank || mark.marking !== null || number === lastNumber + 1);
      if (accepted) {
        flush();
        const entry: Entry = { number, marking: mark.marking, heading: false, blocks: [] };
        entries.push(entry);
        pendingEntry = entry;
        pending = mark.rest.length > 0 ? [mark.rest] : [];
        lastNumber = number;
        previousBlank = false;
        continue;
      }
    }
    pending.push(text);
    previousBlank = false;
  }
  flush();
  return { paragraphs: entries.map(toParagraph), signers };
}

/** Decides where an unnumbered block goes: a heading, a new unnumbered paragraph, or the current paragraph. */
function placeBlock(entries: Entry[], block: string[]): void {
  const first = block[0]!;
  const current = entries[entries.length - 1];
  const mark = readMark(first);
  if (mark.marking !== null) {
    entries.push({ number: null, marking: mark.marking, heading: false, blocks: [[mark.rest, ...block.slice(1)]] });
    return;
  }
  const heading = block.length === 1 && isHeading(first);
  if (current === undefined || current.heading || heading) {
    entries.push({ number: null, marking: null, heading, blocks: [block] });
    return;
  }
  const lastBlock = current.blocks[current.blocks.length - 1];
  const lastLine = lastBlock?.[lastBlock.length - 1] ?? "";
  // A blank line inside a sentence is common in archived text: the sentence goes on.
  const continuesSentence =
    lastLine.length > 0 &&
    !TERMINAL.test(lastLine) &&
    (/^[a-z0-9]/.test(first) || (/[a-z,]$/.test(lastLine) && /^[A-Za-z]/.test(first) && !isHeading(first)));
  if (continuesSentence && lastBlock) {
    lastBlock.push(...block);
  } else if (current.number === null && TERMINAL.test(lastLine) && /^[A-Z"“]/.test(first)) {
    entries.push({ number: null, marking: null, heading: false, blocks: [block] });
  } else {
    current.blocks.push(block);
  }
}

/** A heading: one short line that does not end a sentence and is not a bullet. */
export function isHeading(line: string): boolean {
  return line.length <= 70 && !/[.,;:!?]$/.test(line) && !BULLET.test(line) && /^[A-Z0-9"“(]/.test(line);
}

/** Reads a leading portion mark such as `(SBU)` or `( C )`; a parenthesis that is not a mark stays text. */
function readMark(text: string): { marking: string | null; rest: string } {
  // Every block's first line comes here; only one that opens with "(" can hold a mark.
  const m = text.charCodeAt(0) === 40 ? MARK.exec(text) : null;
  if (!m) return { marking: null, rest: text };
  const marking = m[1]!.toUpperCase().replace(/\s+/g, " ").trim();
  // The bare levels are most marks; they need no full parse to be known valid.
  const bare = marking === "U" || marking === "C" || marking === "S" || marking === "SBU" || marking === "TS";
  if (!bare && parsePortionMark(marking) === null) return { marking: null, rest: text };
  return { marking, rest: m[2]! };
}

function toParagraph(e: Entry): Paragraph {
  // A loop, not filter/map/join: most paragraphs are a single block, which needs no joining at all.
  let text = "";
  let joined = 0;
  for (const b of e.blocks) {
    if (b.length === 0) continue;
    text = joined++ === 0 ? joinBlock(b) : `${text}\n\n${joinBlock(b)}`;
  }
  return { number: e.number, marking: e.marking, text };
}

/** Joins wrapped lines with a space; a bullet keeps its own line. */
function joinBlock(block: string[]): string {
  let out = "";
  for (const line of block) {
    if (out.length === 0) out = line;
    else out += isBulletStart(line.charCodeAt(0)) && BULLET.test(line) ? `\n${line}` : ` ${line}`;
  }
  return out;
}

/** - * • · o: the first characters BULLET accepts, tested before the regex on every joined line. */
function isBulletStart(c: number): boolean {
  return c === 45 || c === 42 || c === 0x2022 || c === 0xb7 || c === 111;
}

/** Removes and returns the signature: a short upper-case name alone on the last line, after a finished sentence. */
function takeSignature(lines: Line[]): string[] {
  let i = lines.length - 1;
  while (i >= 0 && (isBlank(lines[i]!.text) || TRAILER.test(lines[i]!.text))) i--;
  if (i < 0) return [];
  const last = signedName(collapse(lines[i]!.text));
  const named = (SIGNATURE.test(last) && last.split(" ").length <= 4) || MIXED_SIGNATURE.test(last);
  if (!named || NOT_SIGNATURES.test(last.toUpperCase()) || REDACTED.test(last))
    return takeRunOnSignature(lines, i, last);
  let j = i - 1;
  const blankBefore = j >= 0 && isBlank(lines[j]!.text);
  while (j >= 0 && isBlank(lines[j]!.text)) j--;
  const before = j >= 0 ? collapse(lines[j]!.text) : "";
  if (j >= 0 && !blankBefore && !TERMINAL.test(before) && !ENDS_REDACTION.test(before)) return [];
  lines.splice(i, 1);
  return [last];
}

// What may stand before a signature on its line (`END COMMENT. RICE`, `MINIMIZE CONSIDERED SHANNON`), or after it.
const SIGNATURE_LEAD =
  /^(?:#|(?:END (?:COMMENT|NOTE|TEXT|SUMMARY|TALKING POINTS|ACTION REQUEST)|MINIMIZE CONSIDERED|UNQUOTE)\.?\s+)/i;
const SIGNATURE_TRAIL = /\s+NNNN$/;

/** The name of a signature line without what stands around it; a name written twice (`BOYCE BOYCE`) once. */
function signedName(line: string): string {
  const name = line.replace(SIGNATURE_LEAD, "").replace(SIGNATURE_TRAIL, "");
  const words = name.split(" ");
  const half = words.length / 2;
  if (words.length % 2 === 0 && words.slice(0, half).join(" ") === words.slice(half).join(" ")) {
    return words.slice(0, half).join(" ");
  }
  return name;
}

/**
 * A signature run on at the end of the last paragraph (`... End comment. CROCKER`): one to three upper-case words
 * after a sentence's end, taken off the paragraph. The sentence before must be in mixed case, or end with a comment
 * or note's close, so that the last words of an all-capitals cable are not taken for a name.
 */
function takeRunOnSignature(lines: Line[], i: number, last: string): string[] {
  // Only the line's end is searched, which keeps a pathological line linear.
  const tail = last.slice(-RUN_ON_REACH);
  const m = RUN_ON_SIGNATURE.exec(tail);
  if (!m || NOT_SIGNATURES.test(m[2]!.toUpperCase()) || REDACTED.test(m[2]!)) return [];
  const before = last.slice(0, last.length - tail.length) + m[1]!;
  const allCapitals = !/[a-z]/.test(before.slice(-200));
  if (allCapitals && !/\bEND (?:COMMENT|NOTE|SUMMARY)\.?$|X{4,}$/.test(before)) return [];
  lines[i] = { text: before, no: lines[i]!.no };
  return [m[2]!];
}

function isDigitOrPilcrow(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 0xb6;
}

/** 10 when the body numbers its paragraphs 11, 12, ... with no ¶ anywhere (¶ read as 1); 0 otherwise. */
function mangledNumberingOffset(lines: readonly Line[]): number {
  const numbers: number[] = [];
  for (const l of lines) {
    if (l.text.includes("¶")) return 0;
    if (!isDigitOrPilcrow(firstNonSpaceCode(l.text)) || !STARTS_WITH_NUMBER.test(l.text)) continue;
    const m = PARAGRAPH_START.exec(collapse(l.text));
    if (m && /^\s*\(/.test(m[3]!)) numbers.push(Number(m[2]));
    if (numbers.length >= 2) break;
  }
  if (numbers[0] !== 11) return 0;
  return numbers.length < 2 || numbers[1] === 12 ? 10 : 0;
}
