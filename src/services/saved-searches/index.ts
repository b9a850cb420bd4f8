// The saved-searches service: a user's named queries, one verb per file, and the notices watching ones leave (kept
// as notifications of kind `search.matched`, src/services/notifications). Each user sees only their own.
export * from "./saved-search.ts";
export { listSavedSearches } from "./list-saved-searches.ts";
export { saveSearch } from "./save-search.ts";
export { removeSavedSearch } from "./remove-saved-search.ts";
export { watchSavedSearch } from "./watch-saved-search.ts";
export { notifyWatchingSearches } from "./notify-watching-searches.ts";
export { listSearchNotices, type SearchNotice } from "./list-search-notices.ts";
export { markSearchNoticesRead } from "./mark-search-notices-read.ts";
