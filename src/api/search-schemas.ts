// Search results as the API shows them: hits with snippets, facets, and the cursor to the next page.
import { z } from "zod";

const FacetSchema = z.array(z.object({ value: z.string(), count: z.number().int() }));

/** One page of search results. */
export const SearchResultSchema = z
  .object({
    total: z.number().int(),
    totalIsLowerBound: z.boolean(),
    results: z.array(
      z.object({
        id: z.string(),
        subject: z.string().nullable(),
        dtg: z.string().nullable(),
        classification: z.string().nullable(),
        snippet: z.string(),
      }),
    ),
    facets: z.object({ tags: FacetSchema, origin: FacetSchema, classification: FacetSchema, year: FacetSchema }),
    facetsAreExact: z.boolean(),
    sort: z.enum(["relevance", "date"]),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: "SearchResult" });
