// Alerts as people see them: the open ones for their posts, and acknowledging one.
import type { Selectable } from "kysely";
import type { AlertsTable } from "../../store/tables/distribution.ts";
import { readableBy, type Reader } from "../access/index.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Deps } from "../clock.ts";
import { findPost } from "../directory/find-post.ts";
import { normalisePlad } from "../directory/directory-schema.ts";
import { CablegramError } from "../errors.ts";
import { readerOf } from "../users/reader-of.ts";
import type { User } from "../users/user-schema.ts";
import type { AlertOutcome } from "./alert-outcome.ts";
import { answersForPost } from "./answers-for-post.ts";

/** An alert as the API shows it. */
export type AlertView = {
  id: string;
  kind: "niact" | "escalation";
  cableId: string;
  deliveryId: string;
  post: string;
  precedence: string;
  officerId: string | null;
  /** The username of the duty officer alerted, or null (nobody on the roster, or a webhook or mailbox only). */
  officerName: string | null;
  createdAt: string;
  attempts: number;
  lastSentAt: string | null;
  nextAt: string | null;
  lastError: string | null;
  /** What the last due sending did; `no_duty_officer`: the post has nobody on the duty roster, nobody was alerted. */
  outcome: AlertOutcome;
  acknowledged: boolean;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
};

export type AlertFilter = { post?: string | null; open?: boolean | null; cable?: string | null };

function view(r: Selectable<AlertsTable> & { officer_name?: string | null }): AlertView {
  return {
    id: r.id,
    kind: r.kind,
    cableId: r.cable_id,
    deliveryId: r.delivery_id,
    post: r.post,
    precedence: r.precedence,
    officerId: r.officer_id,
    officerName: r.officer_name ?? null,
    createdAt: r.created_at,
    attempts: Number(r.attempts),
    lastSentAt: r.last_sent_at,
    nextAt: r.acked_at ? null : r.next_at,
    lastError: r.last_error,
    outcome: r.outcome ?? "pending",
    acknowledged: r.acked_at !== null,
    acknowledgedAt: r.acked_at,
    acknowledgedBy: r.acked_by,
  };
}

/**
 * Alerts on cables `reader` may read, newest first, optionally for one post (PLAD or station), one cable, or only
 * open ones; each names the duty officer alerted.
 * @example await listAlerts(deps, reader, { post: "PANAMA", open: true })
 * @example await listAlerts(deps, reader, { cable: "26STATE1" }) // one per action post alerted, `no_duty_officer` too
 */
export async function listAlerts(deps: Deps, reader: Reader, filter: AlertFilter = {}): Promise<AlertView[]> {
  let query = deps.store.db
    .selectFrom("alerts as a")
    .innerJoin("cables as c", "c.id", "a.cable_id")
    .leftJoin("users as u", "u.id", "a.officer_id")
    .selectAll("a")
    .select("u.username as officer_name")
    .where(readableBy(reader, "c"));
  if (filter.cable) query = query.where("a.cable_id", "=", filter.cable);
  if (filter.post) query = query.where("a.post", "=", await postName(deps, filter.post));
  if (filter.open === true) query = query.where("a.acked_at", "is", null);
  if (filter.open === false) query = query.where("a.acked_at", "is not", null);
  const rows = await query.orderBy("a.created_at", "desc").orderBy("a.id").limit(500).execute();
  return rows.map(view);
}

/**
 * Acknowledges an alert (it is sent no more) and audits who did. ALERT_NOT_FOUND when there is none the user may
 * read; FORBIDDEN unless the user answers for the alert's post (its communicators, its duty officers on the roster,
 * administrators), since an acknowledgement silences the alert meant to wake them. Acknowledging twice keeps the
 * first acknowledgement (who and when).
 * @example await ackAlert(deps, dutyPanama, alertId) // { acknowledged: true, acknowledgedBy: "duty.panama", ... }
 */
export async function ackAlert(deps: Deps, user: User, id: string): Promise<AlertView> {
  const find = () =>
    deps.store.db
      .selectFrom("alerts as a")
      .innerJoin("cables as c", "c.id", "a.cable_id")
      .innerJoin("deliveries as d", "d.id", "a.delivery_id")
      .selectAll("a")
      .select("d.station")
      .where("a.id", "=", id)
      .where(readableBy(readerOf(user), "c"))
      .executeTakeFirst();
  const found = await find();
  if (!found) throw new CablegramError("ALERT_NOT_FOUND", `No alert ${JSON.stringify(id)} that you may read.`, { id });
  if (!(await answersForPost(deps.store.db, user, found))) {
    throw new CablegramError(
      "FORBIDDEN",
      `Only communicators and duty officers of ${found.post} may acknowledge its alert.`,
    );
  }
  if (found.acked_at === null) {
    await deps.store.db
      .updateTable("alerts")
      .set({ acked_at: deps.clock.now().toISOString(), acked_by: user.username })
      .where("id", "=", id)
      .where("acked_at", "is", null)
      .execute();
    await recordAudit(deps, {
      actor: { userId: user.id, username: user.username },
      action: "alert.ack",
      target: found.cable_id,
      detail: { alert: id, post: found.post },
    });
  }
  return view((await find())!);
}

/** The PLAD of a post named by PLAD or station; the name itself when the directory does not know it. */
export async function postName(deps: Deps, ref: string): Promise<string> {
  return (await findPost(deps.store, ref))?.name ?? normalisePlad(ref);
}
