// Table types for distribution: deliveries (which are also the outbox), tasks from action requests, alerts to duty
// officers, and the duty roster. Owned by src/services/distribution, alerts and actions.

/**
 * One copy of a cable for one post (or one office of it). Written `queued` inside the release transaction: the
 * queued rows are the transactional outbox, which the dispatcher turns `delivered` in precedence order.
 */
export interface DeliveriesTable {
  id: string;
  cable_id: string;
  /** The receiving post's PLAD: `AMEMBASSY PARIS`. */
  post: string;
  /** The post's station (`PARIS`), to match its replies; null when the directory gives none. */
  station: string | null;
  /** Office inside the post (`IO/UNP`); '' for the post itself, so the unique key also dedupes post copies. */
  office: string;
  role: "action" | "info";
  precedence: string;
  /** precedenceRank of `precedence`: 0 for FLASH. The dispatcher takes the lowest first. */
  rank: number;
  state: "queued" | "delivered";
  queued_at: string;
  delivered_at: string | null;
  /**
   * Handling-time objective: unacknowledged past this, the delivery is escalated. Null for a copy slugged to an
   * office (migration 0012): the post's copy it came from carries the deadline.
   */
  due_at: string | null;
  read_at: string | null;
  read_by: string | null;
  acked_at: string | null;
  acked_by: string | null;
  escalated_at: string | null;
  /** The delivery this copy was slugged from by a communicator; null for copies made on release. */
  slugged_from: string | null;
  slugged_by: string | null;
  /** JSON array of offices the cited cables ask replies to be slugged for (`["IO/UNP"]`); null when none. */
  routing_hint: string | null;
}

/** What one action addressee must do about a cable, and whether it did. */
export interface TasksTable {
  id: string;
  cable_id: string;
  post: string;
  station: string | null;
  what: string;
  due: string;
  created_at: string;
  /** Set by the first later cable from the post that cites the tasking cable, or by marking it done. */
  reported_at: string | null;
  reported_by_cable: string | null;
  done_at: string | null;
  done_by: string | null;
  note: string | null;
  /** The campaign question the task asks about (migration 0018), so its post's country is expected to answer. */
  campaign_id: string | null;
  question_id: string | null;
}

/** An alert to a post's duty officer: NIACT/FLASH receipt or escalation. Sent again until acknowledged. */
export interface AlertsTable {
  id: string;
  delivery_id: string;
  cable_id: string;
  post: string;
  kind: "niact" | "escalation";
  precedence: string;
  /** The duty officer on the roster when it was raised; null when the post has none (the post's alert list shows it). */
  officer_id: string | null;
  created_at: string;
  attempts: number;
  last_sent_at: string | null;
  next_at: string;
  last_error: string | null;
  /**
   * What the last due sending did: "sent" to the post's duty officer, or "no_duty_officer" when the roster had
   * nobody for the post (nothing was sent; `attempts` counts sendings only). Null until the alert is first due.
   */
  outcome: "sent" | "no_duty_officer" | null;
  acked_at: string | null;
  acked_by: string | null;
}

/** Who answers for a post around the clock, and how to reach them. */
export interface DutyOfficersTable {
  post: string;
  user_id: string | null;
  webhook: string | null;
  email: string | null;
  updated_at: string;
}

export interface DistributionTables {
  deliveries: DeliveriesTable;
  tasks: TasksTable;
  alerts: AlertsTable;
  duty_officers: DutyOfficersTable;
}
