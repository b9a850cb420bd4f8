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
  })
  .meta({ id: "SavedSearch" });

/** GET /api/saved-searches. */
export const SavedSearchListSchema = z.array(SavedSearchSchema);
