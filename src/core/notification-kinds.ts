// What a user is notified of: one list giving the kinds, their order and what each says, for the server (which
// leaves notifications) and the web app (which shows them).

/**
 * `clearance.requested`: a clearance was asked of me (by name, or of one of my offices).
 * `clearance.cleared` / `clearance.objected`: a clearer decided on my draft (an objection carries its comment).
 * `cable.released`: my draft went out as a cable.
 * `alert.unreached`: a NIACT alert on a cable I drafted or released reached nobody (the post has no duty officer).
 * `search.matched`: a new cable matched one of my watching saved searches.
 */
export const NOTIFICATION_KINDS = [
  "clearance.requested",
  "clearance.cleared",
  "clearance.objected",
  "cable.released",
  "alert.unreached",
  "search.matched",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Kinds about a draft (they link to the draft); the others are about an archived cable (they link to it). */
export const DRAFT_NOTIFICATION_KINDS: readonly NotificationKind[] = [
  "clearance.requested",
  "clearance.cleared",
  "clearance.objected",
];

/**
 * Whether a notification of this kind is about a draft rather than an archived cable.
 * @example isDraftNotification("clearance.objected") // true
 */
export function isDraftNotification(kind: NotificationKind): boolean {
  return DRAFT_NOTIFICATION_KINDS.includes(kind);
}

/** What a notification says, without its particulars: the title of a notification of the kind. */
export const NOTIFICATION_TITLES: Record<NotificationKind, string> = {
  "clearance.requested": "Clearance asked of you",
  "clearance.cleared": "Cleared",
  "clearance.objected": "Objection",
  "cable.released": "Released",
  "alert.unreached": "NIACT alert reached nobody",
  "search.matched": "New match for a saved search",
};
