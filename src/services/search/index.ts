// The search query language and its pieces: parser, help text, compilation, snippets and cursors.
export {
  isSearchQueryError,
  parseSearchQuery,
  SEARCH_FIELDS,
  SEARCH_HELP,
  type SearchField,
  type SearchFilter,
  type SearchQuery,
  type SearchQueryError,
  type SearchTerm,
} from "../../core/search-language.ts";
export {
  searchCables,
  type FacetCount,
  type SearchHit,
  type SearchOptions,
  type SearchResult,
} from "./search-cables.ts";
export type { SearchSort } from "./search-cursor.ts";
export { escapeHtml, highlightSnippet } from "./snippet.ts";
