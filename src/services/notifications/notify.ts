// Leaves notifications: one row per user and event (kept for the app's list), a live `notification` event to that
// user alone, and an e-mail where the user has an address and the server has SMTP. Callers have checked that each
// user may see what the notification is about; the bus checks it again against the access rule.
import { timeOrderedId } from "../../store/time-ordered-id.ts";
import type { NotificationKind } from "../../core/notification-kinds.ts";
import type { CableLocks } from "../access/access-rule.ts";
import type { Deps } from "../clock.ts";
import type { EventBus } from "../events/event-bus.ts";
import { mailNotification, type NotificationMail } from "./notification-mail.ts";
import { notificationFromRow, type Notification, type NotificationSubject } from "./notification.ts";
import { notificationText } from "./notification-text.ts";

/** What leaving a notification needs: the store and clock, and where to announce and mail it when given. */
export type NotifyDeps = Deps & { bus?: EventBus; mail?: NotificationMail | null };

/** One notification to leave. */
export type NewNotification = {
  userId: string;
  kind: NotificationKind;
  /** The event it tells of (`objected:<clearance>:<revision>`): a second notification of it is not left. */
  onceKey: string;
  draftId?: string | null;
  cableId?: string | null;
  searchId?: string | null;
  actor?: string | null;
  comment?: string | null;
  detail?: Record<string, unknown> | null;
};

/** What the notifications are about: shown in the live event and the mail. */
export type NotifiedAbout = NotificationSubject & {
  /** The draft's locks, for the bus (an archived cable's are read from the archive). */
  locks?: CableLocks;
};

/**
 * Leaves each notification not left before, publishes it live to its user and mails it (in the background) to users
 * with an e-mail address when `mail` is given. Returns those it left.
 * @example await notify(deps, { subject, classification }, [{ userId: dana.id, kind: "clearance.cleared", onceKey, draftId, actor: "erin" }])
 */
export async function notify(
  deps: NotifyDeps,
  about: NotifiedAbout,
  notifications: readonly NewNotification[],
): Promise<Notification[]> {
  const left: Notification[] = [];
  const at = deps.clock.now().toISOString();
  for (const n of notifications) {
    const row = {
      id: timeOrderedId(),
      user_id: n.userId,
      kind: n.kind,
      draft_id: n.draftId ?? null,
      cable_id: n.cableId ?? null,
      search_id: n.searchId ?? null,
      actor: n.actor ?? null,
      comment: n.comment ?? null,
      detail: n.detail ? JSON.stringify(n.detail) : null,
      once_key: n.onceKey,
      at,
      read_at: null,
      emailed_at: null,
      email_error: null,
      email_attempts: 0,
    };
    const inserted = await deps.store.db
      .insertInto("notifications")
      .values(row)
      .onConflict((oc) => oc.column("once_key").doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) continue;
    const notification = notificationFromRow(row, about);
    left.push(notification);
    const { locks } = about;
    await deps.bus?.publish({
      type: "notification",
      userId: n.userId,
      // The bus lets the event through only if the user may read the draft or cable (now, as it is).
      cableId: notification.cableId ?? notification.draftId ?? undefined,
      ...(notification.cableId === null && locks ? { locks } : {}),
      data: notification,
    });
  }
  if (deps.mail && left.length > 0) await mailEach(deps, deps.mail, left);
  return left;
}

/** Starts the mail of each notification whose user has an address. */
async function mailEach(deps: NotifyDeps, mail: NotificationMail, left: Notification[]): Promise<void> {
  const ids = left.map((n) => n.id);
  const rows = await deps.store.db
    .selectFrom("notifications as n")
    .innerJoin("users as u", "u.id", "n.user_id")
    .select(["n.id", "u.email"])
    .where("n.id", "in", ids)
    .where("u.email", "is not", null)
    .execute();
  const to = new Map(rows.map((r) => [r.id, r.email!]));
  for (const n of left) {
    const address = to.get(n.id);
    if (!address) continue;
    const { subject, text } = notificationText(n);
    mail.start(() => mailNotification(deps, mail, { id: n.id, to: address, subject, text }));
  }
}
