// What became of an alert's last due sending: the one list gives the values, the type and their order.

/**
 * `pending`: not yet due (an alert is due at once, so only for an instant, or never run by a dispatcher).
 * `sent`: sent to the post's duty officer; `attempts` counts the sendings.
 * `no_duty_officer`: the post has nobody on the duty roster, so nobody was alerted and nothing counts as sent. The
 * alert stays open, is looked at again every repeat interval, and goes to whoever is put on duty.
 */
export const ALERT_OUTCOMES = ["pending", "sent", "no_duty_officer"] as const;
export type AlertOutcome = (typeof ALERT_OUTCOMES)[number];
