// Reads a file line by line as bytes, so a JSON Lines file of any size streams in constant memory.
import { isUtf8 } from "node:buffer";
import { createReadStream } from "node:fs";

/** One line of a file: its 1-based number and text, or why it could not be read as text. */
export type FileLine = { line: number; text: string } | { line: number; problem: "NOT_UTF8" | "TOO_LARGE" };

/** A JSON Lines line longer than this is not a cable: it is skipped rather than held in memory. */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;

const NEWLINE = 0x0a;
const CHUNK_BYTES = 1024 * 1024;

/**
 * Yields the lines of a file, decoded as strict UTF-8 (a line with invalid bytes is reported, not mangled), with
 * `\r\n` endings and a line's leading byte-order mark removed. Memory stays bounded by the longest line, itself capped at
 * `maxLineBytes`.
 * @example for await (const l of readLines("cables.jsonl")) if ("text" in l) console.log(l.line, l.text.length)
 */
export async function* readLines(path: string, maxLineBytes: number = MAX_LINE_BYTES): AsyncGenerator<FileLine> {
  let parts: Buffer[] = [];
  let partBytes = 0;
  let tooLong = false;
  let line = 0;

  const finish = (): FileLine => {
    line += 1;
    const bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts, partBytes);
    const wasTooLong = tooLong;
    parts = [];
    partBytes = 0;
    tooLong = false;
    if (wasTooLong) return { line, problem: "TOO_LARGE" };
    const end = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
    const text = decodeUtf8(bytes.subarray(0, end));
    return text === null ? { line, problem: "NOT_UTF8" } : { line, text };
  };

  const keep = (bytes: Buffer): void => {
    if (tooLong || bytes.length === 0) return;
    if (partBytes + bytes.length > maxLineBytes) {
      // Drop what we hold: a line this long is reported, and its bytes must not pile up.
      tooLong = true;
      parts = [];
      partBytes = 0;
      return;
    }
    parts.push(bytes);
    partBytes += bytes.length;
  };

  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
    const buffer = chunk as Buffer;
    let start = 0;
    for (let nl = buffer.indexOf(NEWLINE, start); nl !== -1; nl = buffer.indexOf(NEWLINE, start)) {
      keep(buffer.subarray(start, nl));
      yield finish();
      start = nl + 1;
    }
    // Copy the tail: the stream may reuse its buffer for the next chunk.
    if (start < buffer.length) keep(Buffer.from(buffer.subarray(start)));
  }
  if (partBytes > 0 || tooLong) yield finish();
}

/**
 * Decodes strict UTF-8, without a leading byte-order mark; null when the bytes are not UTF-8. (A validating check
 * and a plain decode are several times faster than a fatal TextDecoder, and this runs on every input.)
 * @example decodeUtf8(Buffer.from("caf\u00e9")) // "café"
 * @example decodeUtf8(Buffer.from([0xff])) // null
 */
export function decodeUtf8(bytes: Buffer): string | null {
  if (!isUtf8(bytes)) return null;
  const text = bytes.toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Counts the lines of a file without decoding them (a final line without a newline counts), for progress totals.
 * @example await countLines("cables.jsonl") // 20000
 */
export async function countLines(path: string): Promise<number> {
  let count = 0;
  let last = NEWLINE;
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
    const buffer = chunk as Buffer;
    for (let i = buffer.indexOf(NEWLINE); i !== -1; i = buffer.indexOf(NEWLINE, i + 1)) count += 1;
    if (buffer.length > 0) last = buffer[buffer.length - 1]!;
  }
  return last === NEWLINE ? count : count + 1;
}
