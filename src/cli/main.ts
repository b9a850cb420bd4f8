// The `cablegram` command: builds the commander program from one module per command and runs it.
import { Command, CommanderError } from "commander";
import { ackCommand } from "./commands/ack.ts";
import { actionsCommand } from "./commands/actions.ts";
import { archiveCommand } from "./commands/archive.ts";
import { auditCommand } from "./commands/audit.ts";
import { declassCommand } from "./commands/declass.ts";
import { campaignCommand } from "./commands/campaign.ts";
import { clearCommand } from "./commands/clear.ts";
import { directoryCommand } from "./commands/directory.ts";
import { draftCommand } from "./commands/draft.ts";
import { exportCommand } from "./commands/export.ts";
import { fidelityCommand } from "./commands/fidelity.ts";
import { importCommand } from "./commands/import.ts";
import { inboxCommand } from "./commands/inbox.ts";
import { parseCommand } from "./commands/parse.ts";
import { renderCommand } from "./commands/render.ts";
import { releaseCommand } from "./commands/release.ts";
import { searchCommand } from "./commands/search.ts";
import { serveCommand } from "./commands/serve.ts";
import { userCommand } from "./commands/user.ts";
import { validateCommand } from "./commands/validate.ts";
import { verifyCommand } from "./commands/verify.ts";
import { processIo, type ExitCode, type Io } from "./io.ts";

/** A command module: adds itself to the program; its action sets the exit code through `done`. */
export type CommandModule = (program: Command, io: Io, done: (code: ExitCode) => void) => void;

// One line per command; each lives in ./commands/<name>.ts.
const COMMANDS: CommandModule[] = [
  parseCommand,
  renderCommand,
  validateCommand,
  importCommand,
  searchCommand,
  exportCommand,
  serveCommand,
  userCommand,
  directoryCommand,
  auditCommand,
  inboxCommand,
  ackCommand,
  actionsCommand,
  draftCommand,
  clearCommand,
  releaseCommand,
  verifyCommand,
  campaignCommand,
  fidelityCommand,
  archiveCommand,
  declassCommand,
];

/**
 * Runs the CLI with the given arguments and returns the exit code. Never throws: unexpected errors are printed
 * as one line, without a stack trace (set CABLEGRAM_DEBUG=1 to see it).
 * @example await main(["parse", "examples/08STATE16245.txt", "--json"]) // 0
 */
export async function main(argv: string[], io: Io = processIo()): Promise<ExitCode> {
  let code: ExitCode = 0;
  const program = new Command("cablegram")
    .description("Cablegram: draft, release, route, archive and search diplomatic cables.")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });
  for (const register of COMMANDS) register(program, io, (c) => (code = c));
  try {
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`cablegram: ${message}`);
    if (io.env.CABLEGRAM_DEBUG && error instanceof Error && error.stack) io.stderr(error.stack);
    return 2;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2));
}
