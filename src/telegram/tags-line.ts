// The TAGS line: `TAGS: UNSC PREL YI`, `TAGS PREL, PGOV, SF`, `[PREL](#)` link residue, person tags.

export const TAGS_LINE = /^TAGS\b\s*:?\s*(.*)$/i;

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
