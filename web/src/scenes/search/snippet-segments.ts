// A search snippet as plain text pieces, marked or not. The server sends HTML in which everything is escaped but
// <mark>…</mark> around matches (src/services/search/snippet.ts); this reads exactly that and nothing more, so
// whatever else might arrive is shown as text and never becomes markup.

/** A piece of a snippet: text to show, highlighted when it matched. */
export type SnippetSegment = { text: string; marked: boolean };

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/**
 * Decodes the character references the server's escaping writes (and numeric ones); anything else stays as written.
 * @example decodeEntities("&lt;b&gt; &amp; &#39;") // "<b> & '"
 */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, ref: string) => {
    if (ref[0] !== "#") return NAMED[ref.toLowerCase()] ?? whole;
    const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}

/**
 * Splits a snippet into segments. Only `<mark>` and `</mark>` are read as tags (a stray or nested one is dropped);
 * every other `<…>` is text, shown as written.
 * @example snippetSegments("…the <mark>Kosovo</mark> &lt;demarche&gt;")
 * // [{ text: "…the ", marked: false }, { text: "Kosovo", marked: true }, { text: " <demarche>", marked: false }]
 * @example snippetSegments('<img src=x onerror=alert(1)>') // [{ text: "<img src=x onerror=alert(1)>", marked: false }]
 */
export function snippetSegments(html: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  let marked = false;
  for (const piece of html.split(/(<\/?mark>)/i)) {
    const tag = piece.toLowerCase();
    if (tag === "<mark>" || tag === "</mark>") {
      marked = tag === "<mark>";
      continue;
    }
    if (piece === "") continue;
    const text = decodeEntities(piece);
    const last = segments[segments.length - 1];
    if (last && last.marked === marked) last.text += text;
    else segments.push({ text, marked });
  }
  return segments;
}
