// Reading command input: files or stdin as text, and JSON with the line of a syntax error.
import { InputError } from "./input-error.ts";
import { jsonErrorOffset } from "./json-error-offset.ts";
import type { Io } from "./io.ts";

/** How the CLI names an input in messages: the path, or `<stdin>` for "-". */
export function inputName(path: string): string {
  return path === "-" ? "<stdin>" : path;
}

/**
 * Reads a file (or stdin for "-") as UTF-8, turning file-system errors into one-line `InputError`s.
 * @example await readInput(io, "missing.txt") // throws InputError INPUT_NOT_FOUND "missing.txt: no such file..."
 */
export async function readInput(io: Pick<Io, "readText">, path: string): Promise<string> {
  try {
    return await io.readText(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    if (code === "ENOENT") throw new InputError("INPUT_NOT_FOUND", inputName(path), "no such file", "check the path");
    if (code === "EISDIR") {
      throw new InputError(
        "INPUT_UNREADABLE",
        inputName(path),
        "is a directory",
        "give a file; `cablegram import` takes folders",
      );
    }
    const reason = code === "EACCES" ? "permission denied" : error instanceof Error ? error.message : String(error);
    throw new InputError(
      "INPUT_UNREADABLE",
      inputName(path),
      `cannot read: ${reason}`,
      "check the file and its rights",
    );
  }
}

/**
 * Parses JSON text; a syntax error becomes an `InputError` naming `name` and the line of the error.
 * @example parseJson('{\n  "id": }', "c.json") // throws InputError "c.json:2: invalid JSON: Unexpected token..."
 */
export function parseJson(text: string, name: string): unknown {
  // Editors on Windows may save a byte-order mark, which JSON.parse refuses.
  if (text.startsWith("\uFEFF")) text = text.slice(1);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = jsonErrorReason(error);
    const offset = jsonErrorOffset(text) ?? text.length;
    const line = text.slice(0, offset).split("\n").length;
    throw new InputError("INPUT_INVALID_JSON", `${name}:${line}`, `invalid JSON: ${reason}`, "fix the JSON syntax");
  }
}

/**
 * The reason of a JSON.parse error on one line: V8's message without its multi-line excerpt of the input or its
 * position (which differ between Node versions).
 * @example jsonErrorReason(new SyntaxError('Unexpected token \'}\', "{\n}" is not valid JSON')) // "Unexpected token '}'"
 */
export function jsonErrorReason(error: unknown): string {
  return (error instanceof Error ? error.message : String(error))
    .replace(/,\s*"[\s\S]*" is not valid JSON$/, "")
    .replace(/\s*(?:in JSON )?at position \d+.*$/s, "")
    .replace(/\s+/g, " ");
}
