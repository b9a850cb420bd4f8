// `cablegram parse FILE|- [--json] [--id ID] [--year YYYY]` and `cablegram parse --batch`: telegram text to the cable
// model, as a readable summary, as Cable JSON, or line by line for pipelines.
import type { Command } from "commander";
import { parseCableId } from "../../core/index.ts";
import { parseTelegram, type ParseOptions } from "../../telegram/index.ts";
import { formatCableSummary } from "../format-cable.ts";
import { InputError, reportInputError } from "../input-error.ts";
import type { ExitCode, Io } from "../io.ts";
import type { CommandModule } from "../main.ts";
import { jsonErrorReason, readInput } from "../read-input.ts";

const EXAMPLES = `
Without --json, prints a summary: id, date, precedence, addressees, classification, tags, subject, references,
paragraph count and the parser's warnings (with their line numbers). With --json, prints the Cable JSON.

--batch reads JSON Lines on stdin, {"text": "...", "id"?: "08STATE16245", "year"?: 2008} per line, and writes one
compact Cable JSON per line, in order. A bad line writes {"error": {"line": N, "message": "..."}} instead and the
batch goes on; the exit code is then 2.

Exit codes: 0 parsed, 2 bad input (missing file, bad option, a bad batch line).

Examples:
  $ cablegram parse examples/08STATE16245.txt
  $ cablegram parse examples/09STATE39345.txt --json > 09STATE39345.json
  $ cat extract.txt | cablegram parse - --id 06PARIS7579 --json
  $ jq -c '{text: .}' -R -s *.txt | cablegram parse --batch > cables.jsonl`;

type ParseFlags = { json?: boolean; batch?: boolean; id?: string; year?: string };

/** Registers `parse`. */
export const parseCommand: CommandModule = (program: Command, io: Io, done: (code: ExitCode) => void) => {
  program
    .command("parse")
    .description("Parse a legacy telegram into the cable model (summary, JSON, or a JSON Lines batch).")
    .argument("[file]", 'telegram text file, or "-" for stdin')
    .option("--json", "print the Cable JSON instead of a summary")
    .option("--batch", "read JSON Lines {text, id?, year?} on stdin, write one Cable JSON per line")
    .option("--id <id>", "canonical id when the text lacks one, e.g. 08STATE16245")
    .option("--year <yyyy>", "year of the cable when the text has no date-time group")
    .addHelpText("after", EXAMPLES)
    .action(async (file: string | undefined, flags: ParseFlags) => done(await runParse(file, flags, io)));
};

/**
 * Runs `parse`: one file (summary or JSON) or, with `batch`, JSON Lines from stdin.
 * @example await runParse("08STATE16245.txt", { json: true }, io) // 0, after printing the Cable JSON
 */
export async function runParse(file: string | undefined, flags: ParseFlags, io: Io): Promise<ExitCode> {
  try {
    if (flags.batch) {
      if (file !== undefined || flags.id !== undefined || flags.year !== undefined) {
        throw new InputError("USAGE", "--batch", "takes no FILE, --id or --year", "give id and year on each line");
      }
      return await parseBatch(io);
    }
    if (file === undefined)
      throw new InputError("USAGE", "parse", "missing FILE", 'give a file, "-" for stdin, or --batch');
    const options = parseOptions(flags.id, flags.year, "--id", "--year");
    const cable = parseTelegram(await readInput(io, file), options);
    if (flags.json) io.stdout(JSON.stringify(cable, null, 2));
    else io.stdout(formatCableSummary(cable).join("\n"));
    return 0;
  } catch (error) {
    return reportInputError(io, "parse", error);
  }
}

/**
 * Checks --id and --year (or a batch line's id and year) and builds the parser's options.
 * @example parseOptions("08state016245", "2008", "--id", "--year") // { id: "08STATE16245", year: 2008 }
 */
export function parseOptions(id: unknown, year: unknown, idName: string, yearName: string): ParseOptions {
  const options: ParseOptions = {};
  if (id !== undefined && id !== null) {
    const parsed = typeof id === "string" ? parseCableId(id) : null;
    if (parsed === null) {
      throw new InputError(
        "OPTION_INVALID",
        idName,
        `not a cable id: ${JSON.stringify(id)}`,
        "write e.g. 08STATE16245",
      );
    }
    options.id = parsed.id;
  }
  if (year !== undefined && year !== null) {
    const n = typeof year === "number" ? year : typeof year === "string" && /^\d{4}$/.test(year) ? Number(year) : NaN;
    if (!Number.isInteger(n) || n < 1900 || n > 2099) {
      throw new InputError(
        "OPTION_INVALID",
        yearName,
        `not a year: ${JSON.stringify(year)}`,
        "write four digits, e.g. 2008",
      );
    }
    options.year = n;
  }
  return options;
}

const LINE_SHAPE = 'one object per line: {"text": "...", "id"?: "08STATE16245", "year"?: 2008}';

/** One batch line: the compact Cable JSON, or an error object naming the line. Never throws. */
function parseBatchLine(line: string, lineNumber: number): { output: string; ok: boolean } {
  try {
    let input: unknown;
    try {
      input = JSON.parse(line);
    } catch (error) {
      throw new InputError("INPUT_INVALID_JSON", "JSON", jsonErrorReason(error), LINE_SHAPE);
    }
    const { text, id, year } = (typeof input === "object" && input !== null ? input : {}) as Record<string, unknown>;
    if (typeof text !== "string" || Array.isArray(input)) {
      throw new InputError("INPUT_INVALID_JSON", "text", "missing, or not a string", LINE_SHAPE);
    }
    const cable = parseTelegram(text, parseOptions(id, year, "id", "year"));
    return { output: JSON.stringify(cable), ok: true };
  } catch (error) {
    const message =
      error instanceof InputError
        ? error.message
        : `cannot parse: ${error instanceof Error ? error.message : String(error)}`;
    return { output: JSON.stringify({ error: { line: lineNumber, message } }), ok: false };
  }
}

/** Streams stdin line by line: each result is written before the next line is read, so memory stays constant. */
async function parseBatch(io: Io): Promise<ExitCode> {
  let lineNumber = 0;
  let bad = 0;
  for await (const line of io.stdinLines()) {
    lineNumber++;
    const { output, ok } = parseBatchLine(line, lineNumber);
    if (!ok) bad++;
    io.stdout(output);
  }
  if (bad > 0) io.stderr(`cablegram parse --batch: ${bad} of ${lineNumber} lines could not be parsed`);
  return bad > 0 ? 2 : 0;
}
