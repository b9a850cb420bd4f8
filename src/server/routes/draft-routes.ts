// Drafts, clearances, release, replies, corrections and the queue of what awaits the signed-in user.
import type { FastifyInstance } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ActionRequestSchema, CableSchema } from "../../core/index.ts";
import {
  correctionDraft,
  createDraft,
  decideClearance,
  discardDraft,
  DraftFieldsSchema,
  DRAFT_STATUSES,
  CLEARANCE_STATUSES,
  queueOf,
  readDraft,
  releaseDraft,
  replyDraft,
  requestClearance,
  updateDraft,
  type WorkflowDeps,
} from "../../services/workflow/index.ts";
import { signedIn } from "../plugins/authenticate.ts";
import { PROBLEMS } from "../schemas.ts";
import type { RouteOptions } from "./route-options.ts";

const tags = ["drafts"];
const IdParams = z.object({ id: z.string().min(1).max(64) });

export const FindingSchema = z
  .object({
    code: z.string(),
    severity: z.enum(["error", "warning"]),
    path: z.array(z.union([z.string(), z.number()])),
    message: z.string(),
    hint: z.string(),
  })
  .meta({ id: "DraftFinding" });

export const SavedSchema = z
  .object({ id: z.string(), findings: z.array(FindingSchema), revision: z.number().int() })
  .meta({ id: "SavedDraft" });

/** The entity tag of a draft's revision: what `If-Match` sends back to say which text a change was made to. */
const etagOf = (revision: number) => `"${revision}"`;

const IfMatchHeaders = z.object({
  "if-match": z
    .string()
    .regex(/^\s*(\*|(W\/)?"\d+")\s*$/, 'give the revision the change was made to, as its ETag: If-Match: "3"')
    .optional()
    .describe(
      "The draft's ETag as read (GET /api/drafts/:id answers it): the change is refused with 412 DRAFT_CHANGED " +
        "if someone saved the draft since. Without it, the change is applied to the draft as stored then.",
    ),
});

/** The revision an `If-Match` header names; undefined for none or `*`. */
function expectedRevision(ifMatch: string | undefined): number | undefined {
  const digits = ifMatch?.match(/"(\d+)"/)?.[1];
  return digits === undefined ? undefined : Number(digits);
}

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
  })
  .meta({ id: "Clearance" });

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
    routingHints: z.array(z.string()),
    releasedId: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Draft" });

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
  cleared: z.boolean(),
});

const ClearanceRequestBody = z
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

/** The workflow's dependencies for a request: the store and clock, the app's bus and its dispatcher's kick. */
function workflowDeps(app: FastifyInstance, options: RouteOptions): WorkflowDeps {
  const messaging = (app as Partial<Pick<FastifyInstance, "messaging">>).messaging;
  return {
    ...options.deps,
    ...(messaging ? { bus: messaging.bus, kick: () => messaging.dispatcher.kick() } : {}),
  };
}

/** Draft routes under /api/drafts, reply and correction under /api/cables/:id, and GET /api/queue. */
export const draftRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, options) => {
  const deps = () => workflowDeps(app, options);

  app.post(
    "/api/drafts",
    {
      config: { role: "drafter" },
      schema: {
        summary: "Create a draft; answers its id and the findings of validation and of the directory",
        description:
          "The body is the cable model as `cablegram parse --json` prints it, less what release assigns (id, serial, " +
          "dtg, transmission, section and channel serials are ignored if sent), plus optional `actionRequests`. " +
          "Addressees may be given as names alone: a PLAD, a station, a routing indicator, a collective or an office.",
        tags,
        body: DraftFieldsSchema,
        response: { 201: SavedSchema, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const saved = await createDraft(deps(), signedIn(request).user, request.body);
      return reply.code(201).send(saved);
    },
  );

  app.get(
    "/api/drafts/:id",
    {
      schema: {
        summary: "A draft with its findings, clearances and history",
        tags,
        params: IdParams,
        response: { 200: DraftSchema, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const draft = await readDraft(options.deps.store, signedIn(request).user, request.params.id);
      return reply.header("etag", etagOf(draft.revision)).send(draft);
    },
  );

  app.patch(
    "/api/drafts/:id",
    {
      config: { role: "drafter" },
      schema: {
        summary: "Change a draft; decided clearances go back to requested",
        description:
          'Send `If-Match` with the ETag the draft was read with (`"3"`) so that a save someone made since is ' +
          "not overwritten: such a change is refused with 412 DRAFT_CHANGED. Without it, the fields given are " +
          "applied to the draft as it is stored when the change is written.",
        tags,
        params: IdParams,
        headers: IfMatchHeaders,
        body: DraftFieldsSchema,
        response: { 200: SavedSchema, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const expected = expectedRevision(request.headers["if-match"]);
      const saved = await updateDraft(deps(), signedIn(request).user, request.params.id, request.body, {
        ...(expected !== undefined ? { expectedRevision: expected } : {}),
      });
      return reply.header("etag", etagOf(saved.revision)).send(saved);
    },
  );

  app.delete(
    "/api/drafts/:id",
    {
      config: { role: "drafter" },
      schema: {
        summary: "Discard an unreleased draft (it stays on record as discarded)",
        tags,
        params: IdParams,
        response: { 204: z.null(), ...PROBLEMS },
      },
    },
    async (request, reply) => {
      await discardDraft(deps(), signedIn(request).user, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/api/drafts/:id/clearances",
    {
      config: { role: "drafter" },
      schema: {
        summary: "Ask an office or a person to clear the draft",
        tags,
        params: IdParams,
        body: ClearanceRequestBody,
        response: { 201: ClearanceSchema, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const kind = b.office !== undefined ? "office" : b.user !== undefined ? "user" : undefined;
      const clearer = b.office ?? b.user ?? b.clearer ?? "";
      const made = await requestClearance(deps(), signedIn(request).user, request.params.id, {
        clearer,
        ...(kind ? { kind } : {}),
        ...(b.required !== undefined ? { required: b.required } : {}),
      });
      return reply.code(201).send(made);
    },
  );

  app.post(
    "/api/drafts/:id/clearances/:cid",
    {
      schema: {
        summary: "Clear or object to the draft, with a comment (an objection needs one)",
        tags,
        params: IdParams.extend({ cid: z.string().min(1).max(64) }),
        body: z.object({ decision: z.enum(["clear", "object"]), comment: z.string().max(4000).nullable().optional() }),
        response: { 200: ClearanceSchema, ...PROBLEMS },
      },
    },
    async (request) =>
      decideClearance(deps(), signedIn(request).user, request.params.id, request.params.cid, request.body),
  );

  app.post(
    "/api/drafts/:id/release",
    {
      config: { role: "approver" },
      schema: {
        summary: "Release the draft: number, date, section, archive, chain and queue its deliveries",
        description:
          "Only an approver of the originating post; refused (409 NOT_READY_FOR_RELEASE) while the draft has error " +
          "findings or a required clearance is not given. Answers the new cable's canonical id.",
        tags,
        params: IdParams,
        body: z.object({}).optional(),
        response: { 200: z.object({ id: z.string() }).meta({ id: "Released" }), ...PROBLEMS },
      },
    },
    async (request) => ({ id: (await releaseDraft(deps(), signedIn(request).user, request.params.id)).id }),
  );

  app.post(
    "/api/cables/:id/reply",
    {
      config: { role: "drafter" },
      schema: {
        summary: "Make a reply draft: TO the cable's originator, REF to it, its subject; fields in the body override",
        tags,
        params: IdParams,
        body: DraftFieldsSchema.optional(),
        response: { 201: SavedSchema, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const made = await replyDraft(deps(), signedIn(request).user, request.params.id, request.body ?? {});
      return reply.code(201).send(made);
    },
  );

  app.post(
    "/api/cables/:id/correction",
    {
      config: { role: "drafter" },
      schema: {
        summary: "Make a correction draft of a cable released here; released, it is a CORRECTED COPY superseding it",
        tags,
        params: IdParams,
        body: z.object({}).optional(),
        response: { 201: SavedSchema, ...PROBLEMS },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await correctionDraft(deps(), signedIn(request).user, request.params.id)),
  );

  app.get(
    "/api/queue",
    {
      schema: {
        summary: "What awaits you: clearances asked of you or your offices, and drafts of your post to release",
        tags,
        response: {
          200: z
            .object({ clearances: z.array(QueueItemSchema), approvals: z.array(QueueItemSchema) })
            .meta({ id: "Queue" }),
          ...PROBLEMS,
        },
      },
    },
    async (request) => queueOf(options.deps.store, signedIn(request).user),
  );
};
