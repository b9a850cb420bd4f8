// Saved searches as the API shows them.
import { z } from "zod";
import { SAVED_SEARCH_SORTS } from "../services/saved-searches/saved-search.ts";

/** A saved search as the API shows it. */
export const SavedSearchSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    query: z.string(),
    sort: z.enum(SAVED_SEARCH_SORTS).nullable(),
    createdAt: z.string(),
    /** Whether a newly archived or released cable it matches leaves a notice (and a live `search.matched` event). */
    watch: z.boolean(),
  })
  .meta({ id: "SavedSearch" });

/** GET /api/saved-searches. */
export const SavedSearchListSchema = z.array(SavedSearchSchema);

/** PUT /api/saved-searches/{id}/watch. */
export const WatchBodySchema = z.object({ watch: z.boolean() });

/** A new cable that matched one of the user's watching saved searches. */
export const SearchNoticeSchema = z
  .object({
    id: z.string(),
    searchId: z.string(),
    name: z.string(),
    cableId: z.string(),
    subject: z.string().nullable(),
    at: z.string(),
    read: z.boolean(),
  })
  .meta({ id: "SearchNotice" });
export type SearchNoticeView = z.infer<typeof SearchNoticeSchema>;

/** GET /api/search-notices: the newest notices and how many are unread. */
export const SearchNoticeListSchema = z
  .object({ notices: z.array(SearchNoticeSchema), unread: z.number().int() })
  .meta({ id: "SearchNoticeList" });
