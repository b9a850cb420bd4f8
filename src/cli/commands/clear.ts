// `cablegram clear`: clear a draft (or object to it) as a person asked or a member of the office asked.
import type { Command } from "commander";
import { isClearerOf } from "../../services/workflow/draft-access.ts";
import { readDraft, decideClearance } from "../../services/workflow/index.ts";
import type { ExitCode, Io } from "../io.ts";
import type { CommandModule } from "../main.ts";
import { runAsUser } from "../workflow-run.ts";

const HELP = `
Without --clearance, decides the one open clearance asked of you or your offices.

Examples:
  $ cablegram clear 3f6c… --as erin --comment "IO/UNP clears"
  $ cablegram clear 3f6c… --as erin --object --comment "Para 4: soften the second bullet"`;

/** Registers `clear`. */
export const clearCommand: CommandModule = (program: Command, io: Io, done: (code: ExitCode) => void) => {
  program
    .command("clear <draft>")
    .description("Clear a draft, or object to it with a comment.")
    .option("--clearance <id>", "which clearance (when several are asked of you)")
    .option("--object", "object instead of clearing (needs --comment)")
    .option("--comment <text>", "a comment for the drafter")
    .option("--as <user>", "act as this user (or set CABLEGRAM_USER)")
    .addHelpText("after", HELP)
    .action(async (draftId: string, o: { clearance?: string; object?: boolean; comment?: string; as?: string }) =>
      done(
        await runAsUser(io, "clear", o.as, async (deps, user) => {
          let clearanceId = o.clearance;
          if (clearanceId === undefined) {
            const draft = await readDraft(deps.store, user, draftId);
            const mine = draft.clearances.filter((c) => c.status === "requested" && isClearerOf(user, c));
            if (mine.length !== 1) {
              io.stderr(`cablegram clear: ${mine.length} open clearances are yours on ${draftId}; give --clearance`);
              return 2;
            }
            clearanceId = mine[0]!.id;
          }
          const decision = o.object ? "object" : "clear";
          const c = await decideClearance(deps, user, draftId, clearanceId, { decision, comment: o.comment ?? null });
          io.stdout(`${c.status} ${c.kind} ${c.clearer} on ${draftId}`);
          return 0;
        }),
      ),
    );
};
