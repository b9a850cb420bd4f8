// Migration 0012: a copy a communicator slugged to an office carries no handling deadline (slugDelivery), so the
// post's delivery is escalated once, by the post's own copy, and never again through its office copies.
//
// Before, a slugged copy took the post copy's deadline: past it, every unacknowledged office copy was escalated
// with an alert of its own to the post's duty officer (at once when the post's copy had been escalated already,
// and even when the post had acknowledged its copy). Those deadlines are cleared. An office copy's escalation
// alert still open is closed as acknowledged by "system", as the CLI's acts are: it repeats a page the post's own
// copy already gave or no longer needs. Escalations that happened stay recorded (escalated_at, the alert rows).
import { sql, type Kysely } from "kysely";
import type { Dialect } from "../open-store.ts";

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await sql`UPDATE deliveries SET due_at = NULL WHERE slugged_from IS NOT NULL AND due_at IS NOT NULL`.execute(db);
  const now = new Date().toISOString();
  await sql`UPDATE alerts SET acked_at = ${now}, acked_by = 'system'
    WHERE kind = 'escalation' AND acked_at IS NULL
      AND delivery_id IN (SELECT id FROM deliveries WHERE slugged_from IS NOT NULL)`.execute(db);
}
