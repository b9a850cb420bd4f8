// The saved-searches service: a user's named queries, one verb per file, and the notices watching ones leave (the
// only notification storage of this service: search_notices, migration 0024). Each user sees only their own.
export * from "./saved-search.ts";
export { listSavedSearches } from "./list-saved-searches.ts";
export { saveSearch } from "./save-search.ts";
export { removeSavedSearch } from "./remove-saved-search.ts";
export { watchSavedSearch } from "./watch-saved-search.ts";
export { notifyWatchingSearches } from "./notify-watching-searches.ts";
export { listSearchNotices, NOTICE_LIMIT, type SearchNotice } from "./list-search-notices.ts";
export { markSearchNoticesRead } from "./mark-search-notices-read.ts";
