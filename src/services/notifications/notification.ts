// A notification as services and the API show it, and the row it is read from.
import type { Selectable } from "kysely";
import { isDraftNotification, type NotificationKind } from "../../core/notification-kinds.ts";
import type { NotificationsTable } from "../../store/tables/notifications.ts";

/** One thing a user was told of. */
export type Notification = {
  id: string;
  kind: NotificationKind;
  /** When it was left. */
  at: string;
  read: boolean;
  /** The draft it is about (clearance kinds), or null. */
  draftId: string | null;
  /** The archived cable it is about (release, alert and search kinds), or null. */
  cableId: string | null;
  /** The subject of the draft or cable now, and its classification. */
  subject: string | null;
  classification: string | null;
  /** Who did it (username), or null. */
  actor: string | null;
  /** An objection's comment, or null. */
  comment: string | null;
  /**
   * The kind's particulars: `clearer` (whom a clearance was asked of), `posts` (where an alert reached nobody),
   * `searchId` and `name` (the saved search that matched).
   */
  detail: Record<string, unknown> | null;
  /** The app's page it links to: `/drafts/ID` or `/cables/ID`. */
  link: string;
};

/** How many notifications a list holds at most. */
export const NOTIFICATION_LIMIT = 50;

/** What is known of the draft or cable a notification is about, for showing it. */
export type NotificationSubject = { subject: string | null; classification: string | null };

/**
 * The link of a notification: its draft's page for clearance kinds, else its cable's.
 * @example notificationLink({ kind: "clearance.objected", draft_id: "d1", cable_id: null }) // "/drafts/d1"
 */
export function notificationLink(row: Pick<Selectable<NotificationsTable>, "kind" | "draft_id" | "cable_id">): string {
  if (isDraftNotification(row.kind as NotificationKind) || row.cable_id === null) {
    return `/drafts/${encodeURIComponent(row.draft_id ?? "")}`;
  }
  return `/cables/${encodeURIComponent(row.cable_id)}`;
}

/**
 * The notification a row holds, with what is known now of its draft or cable.
 * @example notificationFromRow(row, { subject: "KOSOVO", classification: "SECRET" })
 */
export function notificationFromRow(row: Selectable<NotificationsTable>, about: NotificationSubject): Notification {
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    at: row.at,
    read: row.read_at !== null,
    draftId: row.draft_id,
    cableId: row.cable_id,
    subject: about.subject,
    classification: about.classification,
    actor: row.actor,
    comment: row.comment,
    detail: row.detail === null ? null : (JSON.parse(row.detail) as Record<string, unknown>),
    link: notificationLink(row),
  };
}
