// A notification in words, as the bell's list shows it: what happened, by whom, to which draft or cable. The titles
// are the domain's (src/core/notification-kinds.ts), shared with the server's e-mail.
import { NOTIFICATION_TITLES } from "../../../src/core/notification-kinds.ts";
import type { Notification } from "../api/types.ts";

/**
 * The title and the line under it of a notification.
 * @example notificationWords(n) // { title: "Objection", line: "erin: Say 'welcomes'." }
 */
export function notificationWords(n: Notification): { title: string; line: string } {
  const title = NOTIFICATION_TITLES[n.kind];
  const by = n.actor ?? "someone";
  switch (n.kind) {
    case "clearance.requested":
      return { title, line: `${by} asks ${String(n.detail?.clearer ?? "you")} to clear it` };
    case "clearance.cleared":
      return { title, line: `${by} cleared your draft` };
    case "clearance.objected":
      return { title, line: `${by}: ${n.comment ?? "objected"}` };
    case "cable.released":
      return { title, line: `released as ${n.cableId ?? ""} by ${by}` };
    case "alert.unreached": {
      const posts = Array.isArray(n.detail?.posts) ? (n.detail.posts as string[]) : [];
      return { title, line: `${n.cableId ?? ""}: nobody on duty at ${posts.join(", ")}` };
    }
    case "search.matched":
      return { title, line: `${n.cableId ?? ""} matches "${String(n.detail?.name ?? "")}"` };
  }
}
