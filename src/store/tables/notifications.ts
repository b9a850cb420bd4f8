// Table types for users' notifications (migration 0030): every kind in one table, saved-search matches included.

/** One thing a user is told of. */
export interface NotificationsTable {
  id: string;
  user_id: string;
  /** One of NOTIFICATION_KINDS (src/core/notification-kinds.ts). */
  kind: string;
  /** The draft it is about (clearance kinds), or null. */
  draft_id: string | null;
  /** The archived cable it is about (release, alert, search kinds), or null. */
  cable_id: string | null;
  /** The watching saved search that matched (`search.matched`), or null. */
  search_id: string | null;
  /** The username of who did it, or null. */
  actor: string | null;
  /** An objection's comment, or null. */
  comment: string | null;
  /** JSON object of the kind's particulars, or null. */
  detail: string | null;
  /** Unique: the event it tells of, so that one event leaves one notification. */
  once_key: string;
  /** When it was left (ISO instant). */
  at: string;
  /** When the user marked it read; null while unread. */
  read_at: string | null;
  /** When it was e-mailed, or null. */
  emailed_at: string | null;
  /** The last e-mail failure, or null. */
  email_error: string | null;
  email_attempts: number;
}

export interface NotificationTables {
  notifications: NotificationsTable;
}
