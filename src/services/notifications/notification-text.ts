// What a notification says in words: one line for an e-mail's subject and a few for its text. A mailbox is outside
// the access rule, so the subject of a draft or cable and an objection's comment travel only when it is
// UNCLASSIFIED; otherwise the mail names the draft or cable by id and classification and sends the reader to the app.
import { NOTIFICATION_TITLES } from "../../core/notification-kinds.ts";
import type { Notification } from "./notification.ts";

/**
 * The e-mail subject and text of a notification; `origin` (the app's address, when known) prefixes its link.
 * @example notificationText(n) // { subject: "Objection: KOSOVO: RECOGNITION", text: "erin objected to your draft …" }
 */
export function notificationText(n: Notification, origin = ""): { subject: string; text: string } {
  const open = n.classification === "UNCLASSIFIED";
  const what = n.draftId !== null && n.cableId === null ? `draft ${n.draftId}` : `cable ${n.cableId}`;
  const named =
    open && n.subject ? `${what} (${n.subject})` : `${what} (${n.classification ?? "classification unknown"})`;
  const by = n.actor ?? "someone";
  const lines: string[] = [];
  switch (n.kind) {
    case "clearance.requested": {
      const clearer = typeof n.detail?.clearer === "string" ? n.detail.clearer : null;
      lines.push(`${by} asks ${clearer ? `${clearer} ` : "you "}to clear ${named}.`);
      break;
    }
    case "clearance.cleared":
      lines.push(`${by} cleared your ${named}.`);
      break;
    case "clearance.objected":
      lines.push(`${by} objected to your ${named}.`);
      lines.push(open && n.comment ? `Comment: ${n.comment}` : "Read the comment in Cablegram.");
      break;
    case "cable.released":
      lines.push(`Your draft was released as ${named} by ${by}.`);
      break;
    case "alert.unreached": {
      const posts = Array.isArray(n.detail?.posts) ? (n.detail.posts as string[]) : [];
      lines.push(`The NIACT alert on ${named} reached nobody at ${posts.join(", ") || "an action post"}:`);
      lines.push("no duty officer is on the roster there. Ask the post to put one on duty.");
      break;
    }
    case "search.matched":
      lines.push(`${named} matches your saved search ${JSON.stringify(n.detail?.name ?? "")}.`);
      break;
  }
  lines.push("", `Open it: ${origin}${n.link}`);
  const label = n.cableId ?? "a draft";
  const headline = open && n.subject ? n.subject : `${label} (${n.classification ?? "classification unknown"})`;
  return { subject: `${NOTIFICATION_TITLES[n.kind]}: ${headline}`, text: lines.join("\n") };
}
