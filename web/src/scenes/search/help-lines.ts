// SEARCH_HELP read as example/meaning pairs for the syntax help. The search language is pure (no imports at
// all), so the browser takes the text from it at run time and the help can never drift from the parser.
import { SEARCH_HELP } from "../../../../src/core/search-language.ts";

export type HelpLine = { example: string; meaning: string };

/**
 * The example lines of the help as pairs: the examples sit in one column and their meanings in the next, lines
 * indented past the first column continue the meaning above; the title line is left out and the rest is the note.
 * @example helpLines().lines[0] // { example: "kosovo recognition", meaning: "cables containing both words (anywhere in subject or text)" }
 */
export function helpLines(text: string = SEARCH_HELP): { lines: HelpLine[]; note: string } {
  const body = text.split("\n").slice(1);
  const first = body[0] ?? "";
  const gap = / {2,}(?=\S)/.exec(first.slice(2));
  const column = gap ? 2 + gap.index + gap[0].length : 0;
  const lines: HelpLine[] = [];
  let note = "";
  for (const raw of body) {
    const indented = column > 0 && raw.startsWith("  ") && raw.length > column;
    const example = indented ? raw.slice(0, column).trim() : "";
    const meaning = indented ? raw.slice(column).trim() : "";
    if (indented && example !== "") lines.push({ example, meaning });
    else if (indented && lines.length > 0) lines[lines.length - 1]!.meaning += " " + meaning;
    else if (raw.trim() !== "") note += (note ? " " : "") + raw.trim();
  }
  return { lines, note };
}
