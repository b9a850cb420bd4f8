// What an alert sender is given and must do; the webhook and SMTP senders implement it, tests may add their own.
import type { DutyOfficer } from "./duty-officers.ts";

/**
 * An alert as senders get it. The subject travels only for UNCLASSIFIED cables: a webhook or a mailbox is
 * outside the access rule, so a classified cable is named by id, precedence and classification alone.
 */
export type AlertMessage = {
  alertId: string;
  kind: "niact" | "escalation";
  cableId: string;
  post: string;
  precedence: string;
  classification: string | null;
  subject: string | null;
  /** 1 for the first sending, then 2, 3, ... until someone acknowledges. */
  attempt: number;
  raisedAt: string;
  /** Someone is on duty: an alert to a post with nobody on the roster is recorded as such and reaches no sender. */
  officer: DutyOfficer;
};

/** A way to reach a duty officer. `send` resolves false when the officer has no address of its kind. */
export type AlertSender = { name: string; send(message: AlertMessage): Promise<boolean> };

/**
 * One line describing an alert, for e-mail subjects and logs.
 * @example alertLine(message) // "NIACT IMMEDIATE 08STATE16245 for AMEMBASSY PANAMA (attempt 2)"
 */
export function alertLine(m: AlertMessage): string {
  const what = m.kind === "escalation" ? "ESCALATION: unacknowledged" : m.precedence;
  const subject = m.subject ? `: ${m.subject}` : "";
  return `${what} ${m.cableId} for ${m.post}${subject} (attempt ${m.attempt})`;
}
