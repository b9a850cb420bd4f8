// `cablegram verify`: checks the hash chain of released cables and names the first one altered.
import type { Command } from "commander";
import { verifyChain } from "../../services/chain/index.ts";
import type { ExitCode, Io } from "../io.ts";
import type { CommandModule } from "../main.ts";
import { runWithStore } from "../run-with-store.ts";

const HELP = `
Exit 0 when every released cable and every link is intact; 1 naming the first altered cable otherwise.

Examples:
  $ cablegram verify
  $ cablegram verify --json`;

/** Registers `verify`. */
export const verifyCommand: CommandModule = (program: Command, io: Io, done: (code: ExitCode) => void) => {
  program
    .command("verify")
    .description("Verify the hash chain and signatures of every released cable.")
    .option("--json", "print the verdict as JSON")
    .addHelpText("after", HELP)
    .action(async (o: { json?: boolean }) =>
      done(
        await runWithStore(io, "verify", async (store) => {
          const verdict = await verifyChain(store);
          if (o.json) io.stdout(JSON.stringify(verdict));
          else if (verdict.ok) io.stdout(`chain intact: ${verdict.links} cables, head ${verdict.head ?? "(empty)"}`);
          else io.stdout(`ALTERED: ${verdict.cableId} (link ${verdict.seq}): ${verdict.reason}`);
          return verdict.ok ? 0 : 1;
        }),
      ),
    );
};
