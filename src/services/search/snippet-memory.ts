// Snippets already cut, remembered by cable and query terms. The same searches come back again and again (the day's
// subject, a saved search, the next user asking what the last one asked), and cutting a page of twenty snippets costs
// more than the page's SQL; a remembered snippet is used only while its cable's body is the very text it was cut from.
import type { FtsTerm } from "../../store/full-text.ts";
import { highlightSnippet } from "./snippet.ts";

/** Snippets remembered by default: a few hundred pages of results. */
export const REMEMBERED_SNIPPETS = 4_000;

/** The snippets of one search's terms: `of(id, body)` cuts or recalls the snippet of one cable. */
export type TermSnippets = { of(id: string, body: string): string };

/** A bounded memory of snippets, the least recently used forgotten first. */
export type SnippetMemory = { forTerms(terms: FtsTerm[]): TermSnippets };

/**
 * A memory of up to `capacity` snippets, keyed by cable id and the terms' wording, each kept with the body it was cut
 * from and used only when that body is the one asked about. `cut` is highlightSnippet.
 * @example const memory = snippetMemory(); memory.forTerms(terms).of("08STATE16245", body) // "…<mark>Kosovo</mark>…"
 */
export function snippetMemory(
  capacity = REMEMBERED_SNIPPETS,
  cut: (body: string, terms: FtsTerm[]) => string = highlightSnippet,
): SnippetMemory {
  const remembered = new Map<string, { body: string; snippet: string }>();
  return {
    forTerms(terms) {
      const termsKey = JSON.stringify(terms);
      return {
        of(id, body) {
          const key = `${id}\n${termsKey}`;
          const known = remembered.get(key);
          if (known) remembered.delete(key);
          const entry = known?.body === body ? known : { body, snippet: cut(body, terms) };
          remembered.set(key, entry);
          if (remembered.size > capacity) remembered.delete(remembered.keys().next().value!);
          return entry.snippet;
        },
      };
    },
  };
}
