// `cablegram actions CABLE`: a cable's action requests per post: pending, acknowledged, reported or overdue.
import type { Command } from "commander";
import { SYSTEM_READER } from "../../services/access/reader.ts";
import { actionDashboard } from "../../services/actions/index.ts";
import { systemClock } from "../../services/clock.ts";
import { readerOf } from "../../services/users/index.ts";
import { userOfOption } from "../as-user.ts";
import type { ExitCode, Io } from "../io.ts";
import type { CommandModule } from "../main.ts";
import { runWithStore } from "../run-with-store.ts";

/** Registers `actions`. */
export const actionsCommand: CommandModule = (program: Command, io: Io, done: (code: ExitCode) => void) => {
  program
    .command("actions")
    .description("Show a cable's action requests per post: pending, acknowledged, reported, overdue.")
    .argument("<cable>", "the tasking cable's id, e.g. 08STATE16245")
    .option("--as <user>", "as this user, with their access")
    .option("--json", "as JSON")
    .addHelpText("after", "\nExample:\n  $ cablegram actions 26STATE000001")
    .action(async (cable: string, args: { as?: string; json?: boolean }) =>
      done(
        await runWithStore(io, "actions", async (store) => {
          const user = await userOfOption(store, io, "actions", args.as);
          if (user === undefined) return 2;
          const reader = user ? readerOf(user) : SYSTEM_READER;
          const dashboard = await actionDashboard({ store, clock: systemClock }, reader, cable);
          if (!dashboard) {
            io.stderr(`cablegram actions: CABLE_NOT_FOUND: no cable "${cable}" (or you may not read it)`);
            return 2;
          }
          if (args.json) {
            io.stdout(JSON.stringify(dashboard, null, 2));
            return 0;
          }
          const s = dashboard.summary;
          io.stdout(
            `${dashboard.cableId}: ${s.reported} reported, ${s.acknowledged} acknowledged, ${s.pending} pending, ${s.overdue} overdue`,
          );
          for (const p of dashboard.posts) {
            for (const t of p.tasks) {
              const by = t.reportedBy ? ` by ${t.reportedBy}` : t.note ? ` (note: ${t.note})` : "";
              io.stdout(`  ${t.status.padEnd(12)} ${p.post}  due ${t.due}  ${t.what}${by}`);
            }
          }
          return 0;
        }),
      ),
    );
};
