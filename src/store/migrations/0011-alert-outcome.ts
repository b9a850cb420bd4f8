// Migration 0011: an alert records what its last due sending did (`outcome`), so an alert to a post with nobody on
// the duty roster reads "no_duty_officer" instead of passing for sent (send-due-alerts.ts).
//
// Before, such an alert counted its sendings like any other although no sender had anyone to reach. Roster rows are
// never deleted (setDutyOfficer replaces them), so a post without one has never had a duty officer: its alerts'
// sendings reached nobody, and are undone. Any other alert already sent is taken as sent: whether its post had
// an officer at that moment was not recorded.
import { sql, type Kysely } from "kysely";
import type { Dialect } from "../open-store.ts";

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable("alerts").addColumn("outcome", "text").execute();
  await sql`UPDATE alerts SET outcome = 'no_duty_officer', attempts = 0, last_sent_at = NULL
    WHERE attempts > 0 AND NOT EXISTS (SELECT 1 FROM duty_officers d WHERE d.post = alerts.post)`.execute(db);
  await sql`UPDATE alerts SET outcome = 'sent' WHERE attempts > 0`.execute(db);
}
