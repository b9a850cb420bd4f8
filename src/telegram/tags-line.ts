// The TAGS line: `TAGS: UNSC PREL YI`, `TAGS PREL, PGOV, SF`, `[PREL](#)` link residue, person tags.

export const TAGS_LINE = /^TAGS\b\s*:?\s*(.*)$/i;
// `... E.O. 12958: DECL: 09/10/2019 TAGS: PREL SU SO EG SUBJECT: ...`: TAGS run together with the preamble.
const RUN_IN_TAGS = /(?:^|\s)TAGS\s*:\s*(.{1,400})/;
// A code, or a person or organisation tag's parenthesis, as the run-in TAGS text goes on.
const CODE_TOKEN = /^(?:[A-Z][A-Z0-9-]{1,11},?|\([^)]{0,60}\),?)$/;

/**
 * The TAGS text of a cable whose preamble was not read to its TAGS line (a long list of handling lines, a body run
 * together into one line): the first TAGS line, or TAGS run into a line, before the first numbered paragraph; for a
 * run-in one, the codes up to the first word that is none (`SUBJECT`, a lower-case word). Null when there is none.
 * @example findTagsText([{ no: 1, text: "SIPDIS E.O. 12958: N/A TAGS: PREL SU EG SUBJECT: X" }]) // "PREL SU EG"
 */
export function findTagsText(lines: readonly { text: string }[]): string | null {
  const limit = Math.min(lines.length, 200);
  for (let i = 0; i < limit; i++) {
    const text = lines[i]!.text.trim();
    if (/^(?:¶\s*)?1\s?\.\s/.test(text)) return null;
    const whole = TAGS_LINE.exec(text);
    if (whole && whole[1]!.trim().length > 0) return whole[1]!;
    const runIn = text.length < 20000 ? RUN_IN_TAGS.exec(text) : null;
    if (!runIn) continue;
    const codes: string[] = [];
    for (const word of runIn[1]!.split(/\s+/)) {
      if (!CODE_TOKEN.test(word) || /^SUBJ(?:ECT)?:?$|^REFS?:?$/.test(word)) break;
      codes.push(word);
    }
    if (codes.length > 0) return codes.join(" ");
  }
  return null;
}

/**
 * Reads the codes of a TAGS block (the text after `TAGS`, lines joined): upper case, in order, deduplicated;
 * a parenthesis belongs to the code before it (`OVIP (CLINTON, HILLARY)`).
 * @example readTags("PREL, PGOV, [KV](#) OVIP (CLINTON, HILLARY)") // ["PREL", "PGOV", "KV", "OVIP (CLINTON, HILLARY)"]
 */
export function readTags(text: string): string[] {
  const clean = text.replace(/\[([^\]]{0,40})\]\(#?\)/g, "$1");
  const tags: string[] = [];
  let i = 0;
  while (i < clean.length) {
    const c = clean[i]!;
    if (c === "(") {
      const close = clean.indexOf(")", i);
      const end = close === -1 ? clean.length : close;
      const inner = clean
        .slice(i + 1, end)
        .replace(/\s+/g, " ")
        .trim();
      if (tags.length > 0 && inner.length > 0)
        tags[tags.length - 1] = `${tags[tags.length - 1]} (${inner.toUpperCase()})`;
      i = end + 1;
      continue;
    }
    if (/[A-Za-z0-9]/.test(c)) {
      let j = i;
      while (j < clean.length && /[A-Za-z0-9_-]/.test(clean[j]!)) j++;
      const word = clean.slice(i, j).toUpperCase();
      if (/^[A-Z][A-Z0-9_-]{1,9}$/.test(word) && word !== "AND") tags.push(word);
      i = j;
      continue;
    }
    i++;
  }
  return [...new Set(tags)];
}

/**
 * Writes the TAGS line.
 * @example formatTags(["UNSC", "PREL", "YI"]) // "TAGS: UNSC PREL YI"
 */
export function formatTags(tags: readonly string[]): string {
  return `TAGS: ${tags.join(" ")}`;
}
