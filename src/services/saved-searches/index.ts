// The saved-searches service: a user's named queries, one verb per file. Each user sees only their own.
export * from "./saved-search.ts";
export { listSavedSearches } from "./list-saved-searches.ts";
export { saveSearch } from "./save-search.ts";
export { removeSavedSearch } from "./remove-saved-search.ts";
