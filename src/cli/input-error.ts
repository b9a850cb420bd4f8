// Bad input to a command: a stable code, where (file and line when known) and how to fix it. Printed as one line,
// never with a stack trace.
import type { ExitCode, Io } from "./io.ts";

/** Stable codes of the CLI's input errors. */
export type InputErrorCode =
  "INPUT_NOT_FOUND" | "INPUT_UNREADABLE" | "INPUT_INVALID_JSON" | "INPUT_INVALID_CABLE" | "OPTION_INVALID" | "USAGE";

/** Thrown by input helpers; commands turn it into one line on stderr and exit code 2. */
export class InputError extends Error {
  constructor(
    readonly code: InputErrorCode,
    /** `cable.txt`, `cable.json:3`, `--year`. */
    readonly location: string,
    readonly detail: string,
    readonly hint: string,
  ) {
    super(`${location}: ${detail} (${hint})`);
    this.name = "InputError";
  }
}

/**
 * Prints an input error as `cablegram <command>: <location>: <detail> (<hint>) [<CODE>]` and returns exit code 2;
 * any other error is rethrown for main's catch-all.
 * @example
 * reportInputError(io, "parse", new InputError("INPUT_NOT_FOUND", "x.txt", "no such file", "check the path"))
 * // 2, after "cablegram parse: x.txt: no such file (check the path) [INPUT_NOT_FOUND]"
 */
export function reportInputError(io: Pick<Io, "stderr">, command: string, error: unknown): ExitCode {
  if (!(error instanceof InputError)) throw error;
  io.stderr(`cablegram ${command}: ${error.message} [${error.code}]`);
  return 2;
}
