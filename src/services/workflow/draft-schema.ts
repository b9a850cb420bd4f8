// Drafts as the API takes and gives them: the cable model less what release assigns, plus action requests.
import { z } from "zod";
import {
  ActionRequestSchema,
  ClassificationSchema,
  ClassifiedBySchema,
  ExecutiveOrderSchema,
  ParagraphSchema,
  PositionReportSchema,
  PrecedenceSchema,
  ReferenceSchema,
  type ActionRequest,
  type Cable,
  type CableDiff,
  type PositionReport,
} from "../../core/index.ts";

/** An addressee as a drafter writes it: a name alone (`AMEMBASSY PARIS`, `PARIS`, `RUEHFR`, `EUR/SCE`) or the model's form. */
export const AddresseeInputSchema = z.union([
  z.string().trim().min(1),
  z.object({
    route: z.string().nullable().optional(),
    name: z.string().trim().min(1),
    office: z.string().nullable().optional(),
    precedence: PrecedenceSchema.nullable().optional(),
    /** Ignored: release assigns channel serials. */
    mcn: z.string().nullable().optional(),
  }),
]);
export type AddresseeInput = z.infer<typeof AddresseeInputSchema>;

/**
 * The fields of a draft, every one optional (PATCH sends only what changes). What release assigns (id, serial,
 * date-time group, transmission header, sections, channel serials) is accepted and ignored, so the output of
 * `cablegram parse --json` can be posted as it is.
 */
export const DraftFieldsSchema = z.object({
  from: AddresseeInputSchema.nullable().optional(),
  to: z.array(AddresseeInputSchema).optional(),
  info: z.array(AddresseeInputSchema).optional(),
  exclusions: z.array(AddresseeInputSchema).optional(),
  classification: ClassificationSchema.nullable().optional(),
  caveats: z.array(z.string()).optional(),
  handling: z.array(z.string()).optional(),
  eo: ExecutiveOrderSchema.nullable().optional(),
  tags: z.array(z.string()).optional(),
  subject: z.string().nullable().optional(),
  references: z.array(ReferenceSchema).optional(),
  classifiedBy: ClassifiedBySchema.nullable().optional(),
  paragraphs: z.array(ParagraphSchema).optional(),
  /** The body as text (`1. (U) ...` blocks separated by blank lines); used when `paragraphs` is not given. */
  body: z.string().optional(),
  signers: z.array(z.string()).optional(),
  actionRequests: z.array(ActionRequestSchema).optional(),
  /** A reply's position report, recorded as a position event when the draft is released; null removes it. */
  positionReport: PositionReportSchema.nullable().optional(),
});
export type DraftFields = z.infer<typeof DraftFieldsSchema>;

export const DRAFT_STATUSES = ["draft", "released", "discarded"] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

/** A finding on a draft: a `validateCable` issue or a directory one (`unknown_addressee`), with where and how to fix. */
export type DraftFinding = {
  code: string;
  severity: "error" | "warning";
  path: (string | number)[];
  message: string;
  hint: string;
};

export const CLEARANCE_STATUSES = ["requested", "cleared", "objected"] as const;
export type ClearanceStatus = (typeof CLEARANCE_STATUSES)[number];

/** A clearance on a draft. An edit of the draft puts a decided clearance back to `requested`. */
export type Clearance = {
  id: string;
  kind: "office" | "user";
  clearer: string;
  required: boolean;
  status: ClearanceStatus;
  comment: string | null;
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  /** When asked again after a decision: that decision and what changed since; null otherwise. */
  sinceLastDecision?: LastDecision | null;
};

/** A clearer's last decision on a draft, and what changed in it since. */
export type LastDecision = {
  decision: "cleared" | "objected";
  comment: string | null;
  /** Username. */
  decidedBy: string;
  decidedAt: string;
  /** The draft revision decided on. */
  revision: number;
  diff: CableDiff;
};

/** One step of a draft's life. */
export type DraftEvent = {
  at: string;
  username: string | null;
  action: string;
  detail: Record<string, unknown> | null;
};

/** A draft as the API shows it. */
export type Draft = {
  id: string;
  status: DraftStatus;
  originPost: string;
  revision: number;
  cable: Cable;
  actionRequests: ActionRequest[];
  findings: DraftFinding[];
  clearances: Clearance[];
  history: DraftEvent[];
  replyTo: string | null;
  supersedes: string | null;
  /** The position report the release records, or null. */
  positionReport: PositionReport | null;
  /** Routing hints from the cable replied to, e.g. "slug responses for IO/UNP". */
  routingHints: string[];
  releasedId: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** When it was submitted for approval, and by whom (username); null until then. */
  submittedAt: string | null;
  submittedBy: string | null;
};
