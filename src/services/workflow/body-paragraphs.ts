// Reads a draft's body text into the model's paragraphs, as a drafter types it: `1. (U) Text.` blocks.
import type { Paragraph } from "../../core/index.ts";
import { isHeading } from "../../telegram/paragraphs.ts";

const NUMBERED = /^¶?\s?(\d{1,3})\.\s*(?:\(([^()]{1,40})\)\s*)?([\s\S]*)$/;

/**
 * Splits body text on blank lines: a numbered block (`2. (SBU) ...`) starts a paragraph, a short capitalised line
 * is a heading of its own, any other block (bullets, a second block) belongs to the paragraph before it.
 * @example paragraphsOfBody("1. (U) Hello.\n\n-- a point") // [{ number: 1, marking: "U", text: "Hello.\n\n-- a point" }]
 */
export function paragraphsOfBody(body: string): Paragraph[] {
  const out: Paragraph[] = [];
  const blocks = body
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((b) => b.trim())
    .filter((b) => b !== "");
  for (const block of blocks) {
    const m = NUMBERED.exec(block);
    const last = out[out.length - 1];
    if (m) {
      const marking = m[2] === undefined ? null : m[2].trim().toUpperCase().replace(/\s+/g, " ");
      out.push({ number: Number(m[1]), marking, text: m[3]!.trim() });
    } else if (!last || (!block.includes("\n") && isHeading(block)) || last.number === null) {
      out.push({ number: null, marking: null, text: block });
    } else {
      last.text = `${last.text}\n\n${block}`;
    }
  }
  return out;
}
