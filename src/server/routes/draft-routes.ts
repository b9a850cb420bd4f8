// Drafts, clearances, release, replies, corrections, cancellations, versions, a released cable's history and the queue of what awaits the signed-in user.
import type { FastifyInstance } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  cableHistory,
  cableVersions,
  cancellationDraft,
  correctionDraft,
  createDraft,
  decideClearance,
  discardDraft,
  DraftFieldsSchema,
  queueOf,
  readDraft,
  releaseDraft,
  replyDraft,
  submitDraft,
  requestClearance,
  updateDraft,
  type WorkflowDeps,
} from "../../services/workflow/index.ts";
import { signedIn } from "../plugins/authenticate.ts";
import {
  CableHistorySchema,
  CableVersionsSchema,
  ClearanceRequestBodySchema,
  ClearanceSchema,
  DraftSchema,
  IfMatchHeadersSchema,
  QueueSchema,
  SavedDraftSchema,
  SubmissionSchema,
} from "../../api/draft-schemas.ts";
import { PositionEventViewSchema } from "../../api/campaign-schemas.ts";
import { PROBLEMS } from "../../api/problem-schemas.ts";
import type { RouteOptions } from "./route-options.ts";

const tags = ["drafts"];
const IdParams = z.object({ id: z.string().min(1).max(64) });

/** The entity tag of a draft's revision: what `If-Match` sends back to say which text a change was made to. */
const etagOf = (revision: number) => `"${revision}"`;

/** The revision an `If-Match` header names; undefined for none or `*`. */
function expectedRevision(ifMatch: string | undefined): number | undefined {
  const digits = ifMatch?.match(/"(\d+)"/)?.[1];
  return digits === undefined ? undefined : Number(digits);
}

/**
 * The workflow's dependencies for a request: the store and clock, the app's log, bus, notification mail, and its
 * dispatcher's and site link's kick.
 */
function workflowDeps(app: FastifyInstance, options: RouteOptions): WorkflowDeps {
  const messaging = (app as Partial<Pick<FastifyInstance, "messaging">>).messaging;
  return {
    ...options.deps,
    log: app.log,
    ...(messaging
      ? {
          bus: messaging.bus,
          mail: messaging.mail,
          kick: () => (messaging.dispatcher.kick(), messaging.sites?.kick()),
        }
      : {}),
  };
}

/** Draft routes under /api/drafts, reply, correction, cancellation and versions under /api/cables/:id, and GET /api/queue. */
export const draftRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, options) => {
  const deps = () => workflowDeps(app, options);

  app.post(
    "/api/drafts",
    {
      config: { role: "drafter" },
      schema: {
        operationId: "createDraft",
        summary: "Create a draft; answers its id and the findings of validation and of the directory",
        description:
          "The body is the cable model as `cablegram parse --json` prints it, less what release assigns (id, serial, " +
          "dtg, transmission, section and channel serials are ignored if sent), plus optional `actionRequests`. " +
          "Addressees may be given as names alone: a PLAD, a station, a routing indicator, a collective or an office.",
        tags,
        body: DraftFieldsSchema,
        response: { 201: SavedDraftSchema, ...PROBLEMS },
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
        operationId: "getDraft",
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
        operationId: "updateDraft",
        summary: "Change a draft; decided clearances go back to requested",
        description:
          'Send `If-Match` with the ETag the draft was read with (`"3"`) so that a save someone made since is ' +
          "not overwritten: such a change is refused with 412 DRAFT_CHANGED. Without it, the fields given are " +
          "applied to the draft as it is stored when the change is written.",
        tags,
        params: IdParams,
        headers: IfMatchHeadersSchema,
        body: DraftFieldsSchema,
        response: { 200: SavedDraftSchema, ...PROBLEMS },
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
        operationId: "discardDraft",
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
        operationId: "requestClearance",
        summary: "Ask an office or a person to clear the draft",
        tags,
        params: IdParams,
        body: ClearanceRequestBodySchema,
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
        operationId: "decideClearance",
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
    "/api/drafts/:id/submit",
    {
      config: { role: "drafter" },
      schema: {
        operationId: "submitDraft",
        summary: "Submit the draft for approval: it enters the queue of its post's approvers",
        description:
          "Refused (409 NOT_READY_FOR_APPROVAL) while the draft has error findings. A draft submitted already " +
          "answers its first submission.",
        tags,
        params: IdParams,
        body: z.object({}).optional(),
        response: { 200: SubmissionSchema, ...PROBLEMS },
      },
    },
    async (request) => submitDraft(deps(), signedIn(request).user, request.params.id),
  );

  app.post(
    "/api/drafts/:id/release",
    {
      config: { role: "approver" },
      schema: {
        operationId: "releaseDraft",
        summary: "Release the draft: number, date, section, archive, chain and queue its deliveries",
        description:
          "Only an approver of the originating post; refused (409 NOT_READY_FOR_RELEASE) while the draft has error " +
          "findings or a required clearance is not given. Answers the new cable's canonical id, and the position event " +
          "a position report recorded.",
        tags,
        params: IdParams,
        body: z.object({}).optional(),
        response: {
          200: z
            .object({
              id: z.string(),
              /** The position event the draft's position report recorded, with the new cable as its source. */
              positionEvent: PositionEventViewSchema.optional(),
              /** Why the position report could not be recorded once the cable was out. */
              positionReportError: z.string().optional(),
            })
            .meta({ id: "Released" }),
          ...PROBLEMS,
        },
      },
    },
    async (request) => {
      const { id, positionEvent, positionReportError } = await releaseDraft(
        deps(),
        signedIn(request).user,
        request.params.id,
      );
      return {
        id,
        ...(positionEvent ? { positionEvent } : {}),
        ...(positionReportError ? { positionReportError } : {}),
      };
    },
  );

  app.post(
    "/api/cables/:id/reply",
    {
      config: { role: "drafter" },
      schema: {
        operationId: "createReplyDraft",
        summary: "Make a reply draft: TO the cable's originator, REF to it, its subject; fields in the body override",
        tags,
        params: IdParams,
        body: DraftFieldsSchema.optional(),
        response: { 201: SavedDraftSchema, ...PROBLEMS },
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
        operationId: "createCorrectionDraft",
        summary: "Make a correction draft of a cable released here; released, it is a CORRECTED COPY superseding it",
        tags,
        params: IdParams,
        body: z.object({}).optional(),
        response: { 201: SavedDraftSchema, ...PROBLEMS },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await correctionDraft(deps(), signedIn(request).user, request.params.id)),
  );

  app.post(
    "/api/cables/:id/cancellation",
    {
      config: { role: "drafter" },
      schema: {
        operationId: "createCancellationDraft",
        summary:
          "Make a cancellation draft of a cable released here: to the same addressees, citing it, withdrawing it",
        tags,
        params: IdParams,
        body: z.object({}).optional(),
        response: { 201: SavedDraftSchema, ...PROBLEMS },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await cancellationDraft(deps(), signedIn(request).user, request.params.id)),
  );

  app.get(
    "/api/cables/:id/versions",
    {
      schema: {
        operationId: "getCableVersions",
        summary: "The cable a corrected copy supersedes, and the corrected copy that supersedes this cable",
        tags,
        params: IdParams,
        response: { 200: CableVersionsSchema, ...PROBLEMS },
      },
    },
    async (request) => cableVersions(options.deps.store, signedIn(request).reader, request.params.id),
  );

  app.get(
    "/api/cables/:id/history",
    {
      schema: {
        operationId: "getCableHistory",
        summary: "Who drafted, cleared (or objected to) and approved a cable released here, with times",
        tags,
        params: IdParams,
        response: { 200: CableHistorySchema, ...PROBLEMS },
      },
    },
    async (request) => cableHistory(options.deps.store, signedIn(request).reader, request.params.id),
  );

  app.get(
    "/api/queue",
    {
      schema: {
        operationId: "getQueue",
        summary:
          "What awaits you: clearances asked of you or your offices, and drafts of your post submitted for approval",
        tags,
        response: { 200: QueueSchema, ...PROBLEMS },
      },
    },
    async (request) => queueOf(options.deps.store, signedIn(request).user),
  );
};
