// Campaigns, their questions and position events, tallies and blocs, as the API answers them and the web reads them.
import { z } from "zod";
import { CLASSIFICATIONS } from "../core/classification.ts";
import { CONFIDENCES, EventSourceSchema } from "../core/campaigns/position-event.ts";
import { ISO_DATE_PATTERN } from "../core/countries/iso-date.ts";

const IsoDate = z.string().regex(ISO_DATE_PATTERN, "a date is YYYY-MM-DD");
const Iso2 = z.string().regex(/^[A-Z]{2}$/, "a country is an ISO 3166-1 alpha-2 code such as FR or XK");

/** One position of a question's scale. */
export const PositionSchema = z
  .object({ code: z.string(), label: z.string(), colour: z.string() })
  .meta({ id: "Position" });

/** A campaign question and its ordered scale, most favourable first. */
export const QuestionSchema = z
  .object({ id: z.string(), title: z.string(), positions: z.array(PositionSchema) })
  .meta({ id: "Question" });

/** A campaign as lists show it. */
export const CampaignSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    objective: z.string(),
    office: z.string().nullable(),
    tags: z.array(z.string()),
    startsOn: IsoDate,
    endsOn: IsoDate.nullable(),
    questions: z.array(QuestionSchema),
  })
  .meta({ id: "CampaignSummary" });

/** A position event the reader may see. Countries are ISO alpha-2 (Kosovo is XK). */
export const PositionEventViewSchema = z
  .object({
    id: z.string(),
    questionId: z.string(),
    country: Iso2,
    countryName: z.string(),
    position: z.string(),
    effectiveOn: IsoDate,
    recordedOn: IsoDate,
    confidence: z.enum(CONFIDENCES),
    sources: z.array(EventSourceSchema),
    note: z.string().nullable(),
    recordedBy: z.string(),
    classification: z.enum(CLASSIFICATIONS),
    caveats: z.array(z.string()),
    supersedes: z.string().nullable(),
  })
  .meta({ id: "PositionEvent" });

/** A campaign with its events (those the reader may see), for the campaign page. */
export const CampaignSchema = CampaignSummarySchema.extend({
  events: z.array(PositionEventViewSchema),
}).meta({ id: "Campaign" });

/** `GET /api/campaigns/:id/tally`'s query: question defaults to the campaign's first, bloc to the world (UN). */
export const TallyQuerySchema = z.object({
  question: z.string().min(1).max(120).optional(),
  bloc: z.string().min(1).max(40).optional(),
  asOf: IsoDate.optional(),
  knownOn: IsoDate.optional(),
});

/** "N of M members of bloc B hold position P as of D", per position, with who has no recorded position. */
export const TallySchema = z
  .object({
    question: z.string(),
    bloc: z.string(),
    asOf: IsoDate,
    knownOn: IsoDate.nullable(),
    members: z.array(Iso2),
    counts: z.array(
      z.object({ position: z.string(), label: z.string(), count: z.number().int(), countries: z.array(Iso2) }),
    ),
    unknown: z.array(Iso2),
  })
  .meta({ id: "Tally" });

/** `POST /api/campaigns/:id/positions`'s body. Classification and caveats default to those of the source cables. */
export const NewPositionSchema = z.object({
  questionId: z.string().min(1).max(120),
  country: z.string().min(2).max(60),
  position: z.string().min(1).max(60),
  effectiveOn: IsoDate,
  confidence: z.enum(CONFIDENCES).default("reported"),
  sources: z.array(EventSourceSchema).min(1).max(20),
  note: z.string().max(2000).nullable().default(null),
  classification: z.enum(CLASSIFICATIONS).optional(),
  caveats: z.array(z.string().min(1).max(40)).max(20).optional(),
  supersedes: z.string().nullable().default(null),
});

/** A bloc as lists show it. */
export const BlocSchema = z
  .object({ code: z.string(), name: z.string(), kind: z.string(), memberCount: z.number().int() })
  .meta({ id: "Bloc" });

/** A bloc's members on a day, each with the source that dates its membership. */
export const BlocMembersSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    asOf: IsoDate,
    members: z.array(z.object({ iso2: Iso2, name: z.string(), from: IsoDate.nullable(), source: z.string() })),
  })
  .meta({ id: "BlocMembers" });

/** A position suggested by a cable's text, to be confirmed (recorded) or dismissed by a person. */
export const PositionSuggestionSchema = z
  .object({
    id: z.string(),
    /** The archived cable whose text suggests it; null for a draft's. */
    cableId: z.string().nullable(),
    /** The draft, not yet released, whose saved text suggests it; null for a cable's. */
    draftId: z.string().nullable(),
    paragraph: z.number().int(),
    sentence: z.string(),
    country: Iso2,
    countryName: z.string(),
    stance: z.enum(["supports", "opposes", "recognizes", "does_not_recognize", "abstains"]),
    position: z.string(),
    questionId: z.string(),
    status: z.enum(["open", "confirmed", "dismissed"]),
  })
  .meta({ id: "PositionSuggestion" });

/** A suggestion of a draft's saved text as the composer shows it: the stance, before any campaign is chosen. */
export const DraftSuggestionSchema = z
  .object({
    id: z.string(),
    draftId: z.string(),
    paragraph: z.number().int(),
    sentence: z.string(),
    country: Iso2,
    countryName: z.string(),
    stance: z.enum(["supports", "opposes", "recognizes", "does_not_recognize", "abstains"]),
    /** The sentence hedges ("might emerge"): a position from it is unconfirmed. */
    hedged: z.boolean(),
    status: z.enum(["open", "confirmed", "dismissed"]),
  })
  .meta({ id: "DraftSuggestion" });

/** `GET /api/campaigns/:id/changes`'s query: from is required, to defaults to today, bloc to the world. */
export const ChangesQuerySchema = z.object({
  question: z.string().min(1).max(120).optional(),
  bloc: z.string().min(1).max(40).optional(),
  from: IsoDate,
  to: IsoDate.optional(),
  knownOn: IsoDate.optional(),
});

/** The members whose position differs between two days, each with the event that now gives it. */
export const ChangesSchema = z
  .object({
    question: z.string(),
    bloc: z.string(),
    from: IsoDate,
    to: IsoDate,
    changes: z.array(
      z.object({
        country: Iso2,
        countryName: z.string(),
        before: z.string().nullable(),
        after: z.string().nullable(),
        event: PositionEventViewSchema,
      }),
    ),
  })
  .meta({ id: "PositionChanges" });

/** Where an action post stands on a tasking tied to a campaign question, the furthest step reached. */
export const TASKING_STATUSES = ["tasked", "reported", "position recorded"] as const;

/** `POST /api/campaigns/:id/taskings`'s body: the tasking cable whose every task asks about the question. */
export const NewTaskingSchema = z.object({
  cableId: z.string().min(1).max(40),
  questionId: z.string().min(1).max(120).optional(),
});

/** One action post of a tasking cable tied to a campaign question: tasked, reported, position recorded. */
export const TaskingSchema = z
  .object({
    taskId: z.string(),
    cableId: z.string(),
    questionId: z.string(),
    post: z.string(),
    station: z.string().nullable(),
    country: Iso2.nullable(),
    countryName: z.string().nullable(),
    due: z.string(),
    reportedBy: z.string().nullable(),
    reportedAt: z.string().nullable(),
    position: z
      .object({ eventId: z.string(), position: z.string(), effectiveOn: IsoDate, recordedOn: IsoDate })
      .nullable(),
    status: z.enum(TASKING_STATUSES),
  })
  .meta({ id: "Tasking" });
