// `cablegram validate FILE...`: checks telegrams or Cable JSON against the rules of src/core/validate.ts and prints
// each finding as FILE:LINE: severity code: message (hint).
import type { Command } from "commander";
import { formatIssue, formatPath, validateCable, validateCableJson, type CableIssue } from "../../core/index.ts";
import { parseTelegram } from "../../telegram/index.ts";
import { reportInputError } from "../input-error.ts";
import type { ExitCode, Io } from "../io.ts";
import { issueLine } from "../locate-issue.ts";
import type { CommandModule } from "../main.ts";
import { inputName, parseJson, readInput } from "../read-input.ts";

const EXAMPLES = `
Telegram text or Cable JSON, told apart by content (JSON starts with "{"). Each finding is printed on stdout as
  FILE:LINE: severity code: message (hint)
with the telegram line where one can be told (parse warnings, TAGS, E.O., addressees, paragraphs), else the path
into the cable model (FILE:paragraphs[3].marking: ...). A count per file goes to stderr.

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 bad input (missing file, invalid JSON).

Examples:
  $ cablegram validate examples/09STATE39345.txt
  $ cablegram parse draft.txt --json > draft.json && cablegram validate draft.json
  $ cablegram validate ../shared/corpus/cablegate/*.txt | grep ' error '`;

/** Registers `validate`. */
export const validateCommand: CommandModule = (program: Command, io: Io, done: (code: ExitCode) => void) => {
  program
    .command("validate")
    .description("Check telegrams or Cable JSON: classification markings, declassification, TAGS, addressees.")
    .argument("<files...>", 'telegram or Cable JSON files, or "-" for stdin')
    .addHelpText("after", EXAMPLES)
    .action(async (files: string[]) => done(await runValidate(files, io)));
};

/**
 * Validates each file and returns the worst exit code: 2 if any could not be read, else 1 if any has errors.
 * @example await runValidate(["examples/09STATE39345.txt"], io) // 0
 */
export async function runValidate(files: readonly string[], io: Io): Promise<ExitCode> {
  let worst: ExitCode = 0;
  for (const file of files) {
    const code = await validateFile(file, io);
    worst = Math.max(worst, code) as ExitCode;
  }
  return worst;
}

async function validateFile(file: string, io: Io): Promise<ExitCode> {
  const name = inputName(file);
  try {
    const text = await readInput(io, file);
    const isJson = text
      .replace(/^\uFEFF/, "")
      .trimStart()
      .startsWith("{");
    const issues = isJson ? validateCableJson(parseJson(text, name)).issues : validateCable(parseTelegram(text)).issues;
    for (const issue of issues) io.stdout(`${name}:${location(issue, isJson ? null : text)}: ${formatIssue(issue)}`);
    const errors = issues.filter((i) => i.severity === "error").length;
    io.stderr(`${name}: ${plural(errors, "error")}, ${plural(issues.length - errors, "warning")}`);
    return errors > 0 ? 1 : 0;
  } catch (error) {
    return reportInputError(io, "validate", error);
  }
}

function location(issue: CableIssue, telegram: string | null): string {
  const line = telegram === null ? null : issueLine(telegram, issue);
  return line === null ? formatPath(issue.path) : String(line);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
