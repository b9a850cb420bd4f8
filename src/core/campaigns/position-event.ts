// A country's position on a question from a date, as recorded. Events are never edited: a correction is a new event
// that names the one it supersedes, so what we knew on any day can be told again.
import { z } from "zod";
import { CLASSIFICATIONS } from "../classification.ts";
import { ISO_DATE_PATTERN } from "../countries/iso-date.ts";

/** How sure the record is: `confirmed` (a firm date and source), `reported` (the date or fact is reported only). */
export const CONFIDENCES = ["confirmed", "reported", "unconfirmed"] as const;
export type Confidence = (typeof CONFIDENCES)[number];

const isoDate = z.string().regex(ISO_DATE_PATTERN, "a date is YYYY-MM-DD");

/** Where a position is recorded: a cable, a UN document, or any other source as text (a URL, a communique). */
export const EventSourceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("cable"), cableId: z.string().min(1) }),
  z.object({ kind: z.literal("un_document"), symbol: z.string().min(1) }),
  z.object({ kind: z.literal("text"), text: z.string().min(1) }),
]);
export type EventSource = z.infer<typeof EventSourceSchema>;

/** A position event, checked: use it to read events from files, the store or the API. */
export const PositionEventSchema = z.object({
  id: z.string().min(1),
  questionId: z.string().min(1),
  /** ISO 3166-1 alpha-2 of the country taking the position. */
  country: z.string().regex(/^[A-Z]{2}$/, "a country is an ISO alpha-2 code"),
  /** A position code on the question's scale. */
  position: z.string().min(1),
  /** The day the position took effect. */
  effectiveOn: isoDate,
  /** The day it was recorded; `knownOn` tallies see only events recorded by then. */
  recordedOn: isoDate,
  confidence: z.enum(CONFIDENCES),
  sources: z.array(EventSourceSchema).min(1, "every event names a source"),
  note: z.string().nullable(),
  recordedBy: z.string().min(1),
  classification: z.enum(CLASSIFICATIONS),
  caveats: z.array(z.string()),
  /** The event this one corrects, if any; the corrected event then no longer counts. */
  supersedes: z.string().nullable(),
});
export type PositionEvent = z.infer<typeof PositionEventSchema>;
