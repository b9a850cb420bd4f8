// Notifications, my drafts and my sent cables as the API shows them.
import { z } from "zod";
import { NOTIFICATION_KINDS } from "../core/notification-kinds.ts";
import { CLEARANCE_STATUSES } from "../services/workflow/draft-schema.ts";

/** One thing the signed-in user was told of. */
export const NotificationSchema = z
  .object({
    id: z.string(),
    kind: z.enum(NOTIFICATION_KINDS),
    at: z.string(),
    read: z.boolean(),
    draftId: z.string().nullable().describe("The draft it is about (clearance kinds), or null"),
    cableId: z.string().nullable().describe("The archived cable it is about (release, alert, search kinds), or null"),
    subject: z.string().nullable(),
    classification: z.string().nullable(),
    actor: z.string().nullable().describe("Who did it (username)"),
    comment: z.string().nullable().describe("An objection's comment"),
    detail: z
      .record(z.string(), z.unknown())
      .nullable()
      .describe("`clearer` asked; `posts` an alert reached nobody at; `searchId` and `name` of the saved search"),
    link: z.string().describe("The app's page: /drafts/ID or /cables/ID"),
  })
  .meta({ id: "Notification" });

/** GET /api/notifications. */
export const NotificationListSchema = z
  .object({ notifications: z.array(NotificationSchema), unread: z.number().int() })
  .meta({ id: "NotificationList" });

/** POST /api/notifications/read: the ids to mark read, or none for all. */
export const MarkReadBodySchema = z.object({ ids: z.array(z.string().min(1).max(64)).max(500).optional() });

/** One of my drafts not yet released. */
export const MyDraftSchema = z
  .object({
    id: z.string(),
    subject: z.string().nullable(),
    classification: z.string().nullable(),
    status: z.enum(["draft", "submitted"]).describe("Saved only, or submitted for approval"),
    submittedAt: z.string().nullable(),
    clearances: z.array(
      z.object({
        clearer: z.string(),
        status: z.enum(CLEARANCE_STATUSES),
        required: z.boolean(),
        comment: z.string().nullable(),
      }),
    ),
    counts: z.object({ cleared: z.number().int(), pending: z.number().int(), objected: z.number().int() }),
    lastChange: z.object({ at: z.string(), action: z.string(), by: z.string().nullable() }),
  })
  .meta({ id: "MyDraft" });

const NamedAddresseeSchema = z.object({ name: z.string(), precedence: z.string().nullable() });

/** A cable I drafted, as released. */
export const SentCableSchema = z
  .object({
    id: z.string(),
    subject: z.string().nullable(),
    classification: z.string().nullable(),
    precedence: z.string().nullable(),
    to: z.array(NamedAddresseeSchema),
    info: z.array(NamedAddresseeSchema),
    releasedAt: z.string(),
    releasedBy: z.string().nullable(),
    supersedes: z.string().nullable(),
  })
  .meta({ id: "SentCable" });

/** PUT /api/session/email. */
export const OwnEmailBodySchema = z.object({
  email: z.string().max(320).nullable().describe("Where notifications are mailed; null or empty removes it"),
});
