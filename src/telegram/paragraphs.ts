// The body: numbered paragraphs with portion marks, headings, bullets, and the signature at the end.
import { parsePortionMark, type Paragraph } from "../core/index.ts";
import { collapse, collapsePlainLine, firstNonSpaceCode, isRule, type Line } from "./lines.ts";
import { takeSignature } from "./signature.ts";
import type { Warn } from "./warnings.ts";

const PARAGRAPH_START = /^(¶\s?)?(\d{1,3})\s?\.(?=\s|\(|$)\s*(.*)$/;
const STARTS_WITH_NUMBER = /^\s*¶?\s?\d/;
const MARK = /^\(\s*([^()]{1,40}?)\s*\)(?=\s|$)\s*(.*)$/;
const BULLET = /^(?:-|\*|•|·|o\s)/;
const TERMINAL = /[.!?:;"'”’)\]]$/;

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
