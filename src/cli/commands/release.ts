// `cablegram release`: release a draft as an approver of its post, and deliver what it queued.
import type { Command } from "commander";
import { dispatcherSettingsFromEnv } from "../../services/distribution/dispatcher-settings.ts";
import { releaseDraft } from "../../services/workflow/index.ts";
import { dispatchOnce } from "../as-user.ts";
import type { ExitCode, Io } from "../io.ts";
import type { CommandModule } from "../main.ts";
import { runAsUser } from "../workflow-run.ts";

const HELP = `
Prints the new cable's canonical id. Refused while the draft has error findings or lacks a required clearance.

Examples:
  $ cablegram release 3f6c… --as ada
  $ cablegram release 3f6c… --as ada --no-deliver   # a running server's dispatcher delivers`;

/** Registers `release`. */
export const releaseCommand: CommandModule = (program: Command, io: Io, done: (code: ExitCode) => void) => {
  program
    .command("release <draft>")
    .description("Release a draft: number, date, archive, chain and distribute it.")
    .option("--as <user>", "act as this user (or set CABLEGRAM_USER)")
    .option("--no-deliver", "leave delivery to the running server's dispatcher")
    .addHelpText("after", HELP)
    .action(async (draftId: string, o: { as?: string; deliver: boolean }) =>
      done(
        await runAsUser(io, "release", o.as, async (deps, user) => {
          // A bad setting for the delivery after it stops the command before the release, not after.
          if (o.deliver) dispatcherSettingsFromEnv(io.env);
          const { id } = await releaseDraft(deps, user, draftId);
          if (o.deliver) await dispatchOnce(deps.store, io.env);
          io.stdout(id);
          return 0;
        }),
      ),
    );
};
