// Why an input was skipped: a stable code per kind of problem, each with a message that says how to fix it.

/** Every reason an import skips a file or a line. Codes are stable: scripts and the summary group by them. */
export const IMPORT_PROBLEMS = {
  NOT_FOUND: "no such file or directory",
  UNREADABLE: "cannot be read",
  UNSUPPORTED: "neither a file nor a directory (a socket, device or pipe): skipped",
  SYMLINK_LOOP: "a symbolic link loop: skipped (remove the link or import the folder it points to)",
  SYMLINK: "a symbolic link, not followed: skipped (name the file or folder it points to on the command line)",
  OUTSIDE_INDEX_FOLDER: "listed in index.jsonl but outside its folder: skipped (an index lists files at or below it)",
  EMPTY: "empty: nothing to import",
  BINARY: "binary data (NUL bytes), not a telegram: skipped",
  NOT_UTF8: "not UTF-8 text: convert it first (e.g. iconv -f latin1 -t utf-8)",
  TOO_LARGE: "too large for one cable: skipped (split it, or give JSON Lines with one cable per line)",
  INVALID_JSON: "invalid JSON: each line must be one JSON object",
  INVALID_CABLE: 'not a cable: expected the Cable JSON that `cablegram parse --json` prints, or {"text": ...}',
  BAD_ID: "not a canonical cable id (like 08STATE16245)",
  NO_CABLE_ID:
    'no cable id: the text gives no year, station and serial; give one with a {"text", "id"} JSON line or an index.jsonl',
  PARSE_FAILED: "the telegram parser failed on it",
  MISSING_FILE: "listed in index.jsonl but missing",
  STORE_REJECTED: "the archive refused it",
} as const;

export type ImportProblemCode = keyof typeof IMPORT_PROBLEMS;

/** A skipped input: where it is (file, and line for JSON Lines), its code and a reason a user can act on. */
export type ImportProblem = { path: string; line?: number; code: ImportProblemCode; reason: string };

/** Something imported but worth knowing: the index id overruling the parsed one, for example. */
export type ImportWarning = { path: string; line?: number; reason: string };

/**
 * Builds a problem with the code's standard reason, plus any detail (an error message, the offending value).
 * @example importProblem("a.jsonl", "INVALID_JSON", "Unexpected token", 3)
 *   // { path: "a.jsonl", line: 3, code: "INVALID_JSON", reason: "invalid JSON: ... (Unexpected token)" }
 */
export function importProblem(path: string, code: ImportProblemCode, detail?: string, line?: number): ImportProblem {
  const reason = detail ? `${IMPORT_PROBLEMS[code]} (${detail})` : IMPORT_PROBLEMS[code];
  return line === undefined ? { path, code, reason } : { path, line, code, reason };
}
