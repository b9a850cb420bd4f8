// Drafts as the API takes and shows them: findings, clearances, history, the queue, and what a client sends.
import { z } from "zod";
import { ActionRequestSchema, CableDiffSchema, CableSchema, PositionReportSchema } from "../core/index.ts";
import { CLEARANCE_STATUSES, DRAFT_STATUSES } from "../services/workflow/draft-schema.ts";

// The workflow owns the fields a draft accepts (the CLI takes the same); the API takes them as they are.
export { DraftFieldsSchema } from "../services/workflow/draft-schema.ts";

/** A finding on a draft: a validation or directory issue, with where and how to fix it. */
export const FindingSchema = z
  .object({
    code: z.string(),
    severity: z.enum(["error", "warning"]),
    path: z.array(z.union([z.string(), z.number()])),
    message: z.string(),
    hint: z.string(),
  })
  .meta({ id: "DraftFinding" });

/** What saving a draft answers: its id, its findings and the revision saved. */
export const SavedDraftSchema = z
  .object({ id: z.string(), findings: z.array(FindingSchema), revision: z.number().int() })
  .meta({ id: "SavedDraft" });

/** `If-Match` on a change: the draft's ETag as read, so that a save made since is not overwritten. */
export const IfMatchHeadersSchema = z.object({
  "if-match": z
    .string()
    .regex(/^\s*(\*|(W\/)?"\d+")\s*$/, 'give the revision the change was made to, as its ETag: If-Match: "3"')
    .optional()
    .describe(
      "The draft's ETag as read (GET /api/drafts/:id answers it): the change is refused with 412 DRAFT_CHANGED " +
        "if someone saved the draft since. Without it, the change is applied to the draft as stored then.",
    ),
});

/** A clearer's last decision on a draft asked of them again, and what changed in the draft since. */
export const LastDecisionSchema = z
  .object({
    decision: z.enum(["cleared", "objected"]),
    comment: z.string().nullable(),
    decidedBy: z.string(),
    decidedAt: z.string(),
    revision: z.number().int().describe("The draft revision decided on"),
    diff: CableDiffSchema,
  })
  .meta({ id: "LastDecision" });

/** A clearance on a draft. */
export const ClearanceSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["office", "user"]),
    clearer: z.string(),
    required: z.boolean(),
    status: z.enum(CLEARANCE_STATUSES),
    comment: z.string().nullable(),
    requestedBy: z.string(),
    requestedAt: z.string(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    sinceLastDecision: LastDecisionSchema.nullable()
      .optional()
      .describe("Asked again after a decision: that decision and what changed since; null otherwise"),
  })
  .meta({ id: "Clearance" });

/** A clearance asked for: of an office, of a person, or of either when the kind is not said. */
export const ClearanceRequestBodySchema = z
  .object({
    /** An office code (`IO/UNP`). */
    office: z.string().trim().min(1).optional(),
    /** A username. */
    user: z.string().trim().min(1).optional(),
    /** An office code or a username, when the kind is not said. */
    clearer: z.string().trim().min(1).optional(),
    /** Whether release waits for it; default true. */
    required: z.boolean().optional(),
  })
  .refine((b) => [b.office, b.user, b.clearer].filter((x) => x !== undefined).length === 1, {
    message: "give exactly one of office, user or clearer",
  });

/** A draft with its findings, clearances and history. */
export const DraftSchema = z
  .object({
    id: z.string(),
    status: z.enum(DRAFT_STATUSES),
    originPost: z.string(),
    revision: z.number().int(),
    cable: CableSchema,
    actionRequests: z.array(ActionRequestSchema),
    findings: z.array(FindingSchema),
    clearances: z.array(ClearanceSchema),
    history: z.array(
      z.object({
        at: z.string(),
        username: z.string().nullable(),
        action: z.string(),
        detail: z.record(z.string(), z.unknown()).nullable(),
      }),
    ),
    replyTo: z.string().nullable(),
    supersedes: z.string().nullable(),
    positionReport: PositionReportSchema.nullable(),
    routingHints: z.array(z.string()),
    releasedId: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    submittedAt: z.string().nullable().describe("When the draft was submitted for approval; null until it is"),
    submittedBy: z.string().nullable(),
  })
  .meta({ id: "Draft" });

/** A draft submitted for approval. */
export const SubmissionSchema = z
  .object({ id: z.string(), submittedAt: z.string(), submittedBy: z.string() })
  .meta({ id: "Submission" });

/** A draft awaiting the signed-in user: a clearance asked of them or their office, or an approval. */
export const QueueItemSchema = z.object({
  draftId: z.string(),
  subject: z.string().nullable(),
  classification: z.string().nullable(),
  originPost: z.string(),
  updatedAt: z.string(),
  clearanceId: z.string().nullable(),
  askedOf: z
    .object({ kind: z.enum(["user", "office"]), clearer: z.string() })
    .nullable()
    .describe("Whom the clearance is asked of: you by name, or one of your offices; null for approval items"),
  cleared: z.boolean().describe("Every required clearance is given"),
  drafter: z.string().describe("The username of who drafted it"),
  submittedAt: z.string().nullable().describe("When it was submitted for approval; null if not yet"),
  clearances: z
    .array(z.object({ clearer: z.string(), status: z.enum(CLEARANCE_STATUSES), required: z.boolean() }))
    .describe("Every clearance asked on the draft: given (cleared) or pending (requested, objected)"),
  sinceLastDecision: LastDecisionSchema.nullable().describe(
    "A clearance asked of you again: your last decision on it and what changed in the draft since; null otherwise",
  ),
});

/** What awaits the signed-in user. */
export const QueueSchema = z
  .object({ clearances: z.array(QueueItemSchema), approvals: z.array(QueueItemSchema) })
  .meta({ id: "Queue" });

/** Where a released cable stands among its versions: what a corrected copy supersedes and what supersedes it. */
export const CableVersionsSchema = z
  .object({ releasedHere: z.boolean(), supersedes: z.string().nullable(), supersededBy: z.string().nullable() })
  .meta({ id: "CableVersions" });

const StepSchema = z.object({ by: z.string(), at: z.string() });

/** Who drafted, cleared and approved a cable released here, with times. */
export const CableHistorySchema = z
  .object({
    releasedHere: z.boolean().describe("False for a cable imported into the archive: it has no history here"),
    drafted: StepSchema.nullable(),
    clearances: z.array(
      z.object({
        kind: z.enum(["office", "user"]),
        clearer: z.string(),
        required: z.boolean(),
        requestedBy: z.string(),
        requestedAt: z.string(),
        status: z.enum(CLEARANCE_STATUSES).describe("Where the clearance stood at release"),
        decisions: z
          .array(
            z.object({
              decision: z.enum(["cleared", "objected"]),
              by: z.string().nullable(),
              at: z.string(),
              comment: z.string().nullable(),
            }),
          )
          .describe("Every decision on it, oldest first, objections included"),
      }),
    ),
    submitted: StepSchema.nullable().describe("Who submitted it for approval, and when"),
    released: StepSchema.nullable().describe("Who approved and released it, and when"),
  })
  .meta({ id: "CableHistory" });
