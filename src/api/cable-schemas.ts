// Cables as the API shows them: the model with its archive metadata, summaries, and what a cable cites and is cited by.
import { z } from "zod";
import { CableSchema } from "../core/index.ts";

/** A cable in a list: enough to show and link it. */
export const CableSummarySchema = z
  .object({
    id: z.string(),
    subject: z.string().nullable(),
    dtg: z.string().nullable(),
    classification: z.string().nullable(),
  })
  .meta({ id: "CableSummary" });

/** A cable with what the archive knows of it. */
export const ArchivedCableSchema = z
  .object({
    cable: CableSchema.meta({ id: "Cable" }),
    /** When it entered the archive. */
    archivedAt: z.string(),
    /** Where it came from (file path, corpus); null when not said. */
    source: z.string().nullable(),
    /** Whether the original telegram text is kept (GET ...?format=telegram returns it byte for byte). */
    hasOriginalText: z.boolean(),
  })
  .meta({ id: "ArchivedCable" });

/** What a cable cites, resolved where archived and readable, and the readable cables that cite it. */
export const ReferencesSchema = z
  .object({
    references: z.array(
      z.object({
        label: z.string().nullable(),
        id: z.string().nullable(),
        text: z.string(),
        resolved: CableSummarySchema.nullable(),
      }),
    ),
    citedBy: z.array(CableSummarySchema),
  })
  .meta({ id: "CableReferences" });
