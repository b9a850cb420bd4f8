// Reads one input file as text, refusing what is not a telegram: empty, binary, not UTF-8, or far too large.
import { open } from "node:fs/promises";
import { errorMessage } from "../errors.ts";
import type { ImportProblemCode } from "./import-problems.ts";
import { decodeUtf8 } from "./read-lines.ts";

/** Larger than any telegram (the biggest corpus cable is under 100 kB): such a file is skipped, not loaded. */
export const MAX_TELEGRAM_BYTES = 16 * 1024 * 1024;

/**
 * Reads a file as strict UTF-8 text (byte-order mark removed), or says why it is not one: `EMPTY` (nothing but
 * whitespace), `BINARY` (NUL bytes), `NOT_UTF8`, `TOO_LARGE`, `UNREADABLE`.
 * @example await readTextFile("examples/08STATE16245.txt") // { text: "\n\nVZCZCXRO0350\n..." }
 * @example await readTextFile("empty.txt") // { code: "EMPTY" }
 */
export async function readTextFile(
  path: string,
  maxBytes: number = MAX_TELEGRAM_BYTES,
): Promise<{ text: string } | { code: ImportProblemCode; detail?: string }> {
  let bytes: Buffer;
  try {
    const handle = await open(path, "r");
    try {
      const { size } = await handle.stat();
      if (size > maxBytes) return { code: "TOO_LARGE", detail: `${size} bytes` };
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { code: "UNREADABLE", detail: errorMessage(error) };
  }
  if (bytes.indexOf(0) !== -1) return { code: "BINARY" };
  const text = decodeUtf8(bytes);
  if (text === null) return { code: "NOT_UTF8" };
  if (text.trim() === "") return { code: "EMPTY" };
  return { text };
}
