// `cablegram render FILE.json`: Cable JSON (as `parse --json` prints it) back to telegram text on stdout.
import type { Command } from "commander";
import { checkCableShape, formatPath } from "../../core/index.ts";
import { renderTelegram } from "../../telegram/index.ts";
import { reportInputError } from "../input-error.ts";
import type { ExitCode, Io } from "../io.ts";
import type { CommandModule } from "../main.ts";
import { inputName, parseJson, readInput } from "../read-input.ts";

const EXAMPLES = `
The JSON must fit the cable model (as \`cablegram parse --json\` prints it); otherwise each problem is printed as
FILE: PATH: message, e.g. "cable.json: to[0].precedence: Invalid option ...", and nothing is rendered.

Exit codes: 0 rendered, 2 bad input (missing file, invalid JSON, JSON that is not a cable).

Examples:
  $ cablegram parse examples/08STATE16245.txt --json > cable.json && cablegram render cable.json
  $ cablegram render - < cable.json > cable.txt`;

/** Registers `render`. */
export const renderCommand: CommandModule = (program: Command, io: Io, done: (code: ExitCode) => void) => {
  program
    .command("render")
    .description("Render Cable JSON as a legacy telegram.")
    .argument("<file>", 'Cable JSON file, or "-" for stdin')
    .addHelpText("after", EXAMPLES)
    .action(async (file: string) => done(await runRender(file, io)));
};

/**
 * Runs `render`: reads and checks the Cable JSON, then prints the telegram.
 * @example await runRender("cable.json", io) // 0, after printing "VZCZC..." telegram text
 */
export async function runRender(file: string, io: Io): Promise<ExitCode> {
  try {
    const name = inputName(file);
    const shape = checkCableShape(parseJson(await readInput(io, file), name));
    if (shape.cable === null) {
      for (const issue of shape.issues) {
        io.stderr(`cablegram render: ${name}: ${formatPath(issue.path)}: ${issue.message} [INPUT_INVALID_CABLE]`);
      }
      return 2;
    }
    io.stdout(renderTelegram(shape.cable));
    return 0;
  } catch (error) {
    return reportInputError(io, "render", error);
  }
}
