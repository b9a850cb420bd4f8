// The campaign page asks for its suggestions and leaves the panel out when the server answers 404 (a server without
// the suggestions endpoint). Chromium logs every 404 resource as a console error; this tells those apart from real
// errors, so the browser tests still fail on any other console error.
import type { Page } from "playwright-core";

/**
 * Counts the 404 answers to a suggestions request on the page; `filter` then drops as many of Chromium's
 * "Failed to load resource ... 404" console errors, and no other.
 * @example const missing = watchMissingSuggestions(page); ...; expect(missing.filter(consoleErrors)).toEqual([])
 */
export function watchMissingSuggestions(page: Page): { filter: (errors: readonly string[]) => string[] } {
  let missing = 0;
  page.on("response", (response) => {
    if (response.status() === 404 && /\/api\/campaigns\/[^/]+\/suggestions$/.test(new URL(response.url()).pathname)) {
      missing++;
    }
  });
  return {
    filter(errors) {
      let left = missing;
      return errors.filter((e) => {
        if (left > 0 && /Failed to load resource: .*404/.test(e)) {
          left--;
          return false;
        }
        return true;
      });
    },
  };
}
