// A telegram's text laid out on fixed-width pages: long lines wrapped at a space (kept indented), tabs expanded,
// form feeds starting a new page, so that a printed or exported telegram loses no character to the page's edge.

/**
 * The pages of `text`, each at most `linesPerPage` lines of at most `columns` characters. A line too long is broken
 * at its last space that fits (anywhere, for a word longer than a line), its continuations indented as it is.
 * @example pageLines("A\nB\nC", 80, 2) // [["A", "B"], ["C"]]
 */
export function pageLines(text: string, columns: number, linesPerPage: number): string[][] {
  const pages: string[][] = [];
  let page: string[] = [];
  const newPage = () => {
    pages.push(page);
    page = [];
  };
  for (const block of text.replace(/\s+$/, "").split("\f")) {
    if (page.length > 0) newPage();
    for (const line of block.split(/\r\n|\r|\n/)) {
      for (const piece of wrapLine(expandTabs(line), columns)) {
        if (page.length === linesPerPage) newPage();
        page.push(piece);
      }
    }
  }
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}

/**
 * One line as lines of at most `columns` characters: broken at the last space that fits, continuations indented as
 * the line is (up to half a line).
 * @example wrapLine("  alpha beta gamma", 12) // ["  alpha beta", "  gamma"]
 */
export function wrapLine(line: string, columns: number): string[] {
  const trimmed = line.trimEnd();
  if (trimmed.length <= columns) return [trimmed];
  const indent = " ".repeat(Math.min(/^ */.exec(trimmed)![0].length, Math.floor(columns / 2)));
  const out: string[] = [];
  let rest = trimmed;
  let lead = "";
  while (lead.length + rest.length > columns) {
    const room = columns - lead.length;
    const space = rest.lastIndexOf(" ", room);
    // A space inside the first line's own indent is no place to break.
    const cut = space > (lead === "" ? indent.length : 0) ? space : room;
    out.push(lead + rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
    lead = indent;
  }
  if (rest.length > 0) out.push(lead + rest);
  return out;
}

function expandTabs(line: string): string {
  if (!line.includes("\t")) return line;
  let out = "";
  for (const c of line) out += c === "\t" ? " ".repeat(8 - (out.length % 8)) : c;
  return out;
}
