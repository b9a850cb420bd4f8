// Highlighted snippets: a short window of a cable's text around the first match, HTML-escaped, matches in <mark>.
import { englishStem } from "../../store/english-stem.ts";
import { ftsText, type FtsTerm } from "../../store/full-text.ts";

const WINDOW = 240;
const LEAD = 60;

/**
 * Cuts a snippet of about 240 characters around the first place `terms` match in `text`, with the matches wrapped in
 * <mark>…</mark> and everything else HTML-escaped; whitespace is collapsed and cuts are marked with "…". Without a
 * match (or terms) it is the start of the text. Words are compared as the index compares them (see full-text.ts):
 * a term with a stem marks the words sharing it too ("recognize" marks "recognized").
 * @example highlightSnippet("Kosovo <declared> independence.", [{ words: ["kosovo"], prefix: false, column: "text" }])
 * // "<mark>Kosovo</mark> &lt;declared&gt; independence."
 */
export function highlightSnippet(text: string, terms: FtsTerm[]): string {
  // Worked out on the text as stored and collapsed only inside the window: collapsing a long text costs more than the
  // rest.
  const textStart = text.search(/\S/);
  if (textStart < 0) return "";
  const textEnd = text.trimEnd().length;
  const spans = matchSpans(text, terms);
  const first = spans[0];
  let start = first ? Math.max(textStart, first.start - LEAD) : textStart;
  if (start > textStart) {
    // Start at a word: after the first whitespace of the lead, or at the match itself.
    const gap = /\s+/g;
    gap.lastIndex = start;
    const found = gap.exec(text);
    start = found && (!first || found.index < first.start) ? found.index + found[0].length : (first?.start ?? start);
  }
  let end = Math.min(textEnd, Math.max(start + WINDOW, first ? first.end : 0));
  if (end < textEnd) {
    const cut = text.slice(start, end).search(/\s\S*$/);
    if (cut > 0 && (!first || start + cut >= first.end)) end = start + cut;
  }

  const piece = (from: number, to: number) => escapeHtml(text.slice(from, to).replace(/\s+/g, " "));
  let out = "";
  let at = start;
  for (const span of spans) {
    if (span.start < at || span.end > end) continue;
    out += piece(at, span.start) + "<mark>" + piece(span.start, span.end) + "</mark>";
    at = span.end;
  }
  out = (out + piece(at, end)).replace(/^ +| +$/g, "");
  return (start > textStart ? "…" : "") + out + (end < textEnd ? "…" : "");
}

type Token = { start: number; end: number; word: string };

/** Where `terms` match in `text`, in order, up to a window's length past the first match (no need to look further). */
function matchSpans(text: string, terms: FtsTerm[]): { start: number; end: number }[] {
  if (terms.length === 0) return [];
  const longest = Math.max(...terms.map((t) => t.words.length));
  const tokens: Token[] = [];
  const spans: { start: number; end: number }[] = [];
  let stopAt = Infinity;
  const re = /[\p{L}\p{N}\p{M}]+/gu;
  re.lastIndex = firstCandidate(text, terms);
  // Tokens are read ahead by the longest phrase, then each start position is tried.
  let next = 0;
  for (let m = re.exec(text); ; m = re.exec(text)) {
    if (m) tokens.push({ start: m.index, end: m.index + m[0].length, word: indexWord(m[0]) });
    while (next < tokens.length && (m === null || tokens.length - next >= longest)) {
      const token = tokens[next]!;
      if (token.start > stopAt) return spans;
      for (const term of terms) {
        if (matchesAt(tokens, next, term)) {
          spans.push({ start: token.start, end: tokens[next + term.words.length - 1]!.end });
          if (stopAt === Infinity) stopAt = token.start + WINDOW + LEAD;
          break;
        }
      }
      next++;
    }
    if (m === null) return spans;
  }
}

/**
 * Where a match can first start: tokenising a whole long text costs more than the rest of the snippet, so a plain
 * search for the terms' first words skips ahead. Only when every such word, and every letter of the text, is ASCII
 * (folding could otherwise make a word match that the search does not see); 0 otherwise.
 */
function firstCandidate(text: string, terms: FtsTerm[]): number {
  // A word sharing a stem starts as the stem does, bar its last letters ("happi" for "happy", "sensibl" for
  // "sensibility").
  const firsts = terms.flatMap((t) =>
    t.stem === undefined ? [t.words[0]!] : [t.words[0]!, t.stem.slice(0, Math.max(1, t.stem.length - 2))],
  );
  if (!firsts.every((w) => /^[a-z0-9]+$/.test(w)) || hasNonAsciiLetter(text)) return 0;
  const found = new RegExp(`(?<![A-Za-z0-9])(?:${firsts.join("|")})`, "i").exec(text);
  return found ? found.index : text.length;
}

/** Whether a letter, digit or mark outside ASCII occurs; looks only at the (few) non-ASCII characters. */
function hasNonAsciiLetter(text: string): boolean {
  const nonAscii = /[\u0080-\uffff]/g;
  for (let m = nonAscii.exec(text); m !== null; m = nonAscii.exec(text)) {
    if (/[\p{L}\p{N}\p{M}]/u.test(m[0])) return true;
  }
  return false;
}

/** A token as the index stores it; plain ASCII (nearly every token) skips Unicode normalisation. */
function indexWord(token: string): string {
  return !/[\u0080-\uffff]/.test(token) ? token.toLowerCase() : ftsText(token).replace(/ /g, "");
}

function matchesAt(tokens: Token[], i: number, term: FtsTerm): boolean {
  if (i + term.words.length > tokens.length) return false;
  if (term.stem !== undefined && englishStem(tokens[i]!.word) === term.stem) return true;
  return term.words.every((w, k) => {
    const token = tokens[i + k]!.word;
    return term.prefix && k === term.words.length - 1 ? token.startsWith(w) : token === w;
  });
}

/**
 * Escapes text for HTML element content and attribute values.
 * @example escapeHtml(`<b>"A&B"</b>`) // "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;"
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
