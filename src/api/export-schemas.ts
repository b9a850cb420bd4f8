// Exports as the API describes them: how large an export of a search would be.
import { z } from "zod";

/** The size of a search's export, counted before it starts. */
export const ExportSizeSchema = z
  .object({
    /** Cables the export would hold, exactly up to `max`; `max + 1` when more match. */
    count: z.number().int(),
    /** The most cables one export may hold (CABLEGRAM_EXPORT_MAX). */
    max: z.number().int(),
    /** More match than an export may hold: narrow the query. */
    tooLarge: z.boolean(),
  })
  .meta({ id: "SearchExportSize" });
