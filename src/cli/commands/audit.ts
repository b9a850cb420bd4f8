// `cablegram audit`: the audit log, newest first, filtered by user, time and action.
import type { Command } from "commander";
import { queryAudit, type AuditEntry } from "../../services/audit/index.ts";
import type { ExitCode, Io } from "../io.ts";
import type { CommandModule } from "../main.ts";
import { runWithStore } from "../run-with-store.ts";
import { SYSTEM_ACTING } from "../../services/acting.ts";

const HELP = `
Actions: cable.read (classified cables only), cable.search, cable.export, search.save, search.remove, search.watch (saved
searches, with the query), session.create, session.fail, user.create, user.update, user.password, user.remove, token.mint,
token.revoke. A prefix ending in "." matches a family.

Examples:
  $ cablegram audit --user alice --since 2024-05-01
  $ cablegram audit --action cable. --limit 20 --json
  $ cablegram audit --action search. --user alice`;

/** Registers `audit`. */
export const auditCommand: CommandModule = (program: Command, io: Io, done: (code: ExitCode) => void) => {
  program
    .command("audit")
    .description("Show the audit log: who read which classified cable, who searched what.")
    .option("--user <user>", "only this user's entries")
    .option("--since <date>", "only entries at or after this date (2024-05-01 or an ISO date-time)")
    .option("--action <action>", "only this action (or family, e.g. cable.)")
    .option("--limit <n>", "at most this many entries", "100")
    .option("--json", "as JSON Lines, one entry a line")
    .addHelpText("after", HELP)
    .action(async (options: { user?: string; since?: string; action?: string; limit: string; json?: boolean }) =>
      done(
        await runWithStore(io, "audit", async (store) => {
          const { json, ...filters } = options;
          const entries = await queryAudit(store, SYSTEM_ACTING, filters);
          for (const e of entries) io.stdout(json ? JSON.stringify(e) : auditLine(e));
          return 0;
        }),
      ),
    );
};

/** `2024-05-01T12:00:00.000Z alice cable.search "kosovo" results=2`. */
function auditLine(e: AuditEntry): string {
  const parts = [e.at, e.username ?? "(system)", e.action];
  if (e.target !== null) parts.push(JSON.stringify(e.target));
  if (e.resultCount !== null) parts.push(`results=${e.resultCount}`);
  if (e.detail)
    parts.push(
      Object.entries(e.detail)
        .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
        .join(" "),
    );
  return parts.join(" ");
}
