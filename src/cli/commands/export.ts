// `cablegram export QUERY`: every cable a search finds, as JSON Lines, CSV of metadata or a ZIP of telegrams, to a
// file or standard output, with a progress bar on a terminal; as the system or as a named user, audited.
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { extname } from "node:path";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Command } from "commander";
import {
  EXPORT_FORMAT_INFO,
  isSearchExportFormat,
  SEARCH_EXPORT_FORMATS,
  type SearchExportFormat,
} from "../../core/index.ts";
import { SYSTEM_READER, type Reader } from "../../services/access/reader.ts";
import { SYSTEM_ACTOR, type Actor } from "../../services/audit/index.ts";
import { systemClock } from "../../services/clock.ts";
import { CablegramError } from "../../services/errors.ts";
import { DEFAULT_EXPORT_MAX, exportMaxFromEnv, exportSearch } from "../../services/export/index.ts";
import { readerOf } from "../../services/users/index.ts";
import { userOfOption } from "../as-user.ts";
import { exportDisplay } from "../export-progress.ts";
import type { ExitCode, Io } from "../io.ts";
import type { CommandModule } from "../main.ts";
import { runWithStore } from "../run-with-store.ts";

const HELP = `
The query is the search language of \`cablegram search\` ('' exports everything you may read). The export holds
exactly the cables that search finds, newest first:
  jsonl  a line per cable: the cable as GET /api/cables/ID answers it
  csv    id, date, origin, classification, captions, precedence, subject, tags, references (RFC 4180)
  zip    ID.txt for each cable: its telegram text

The format comes from --format, else from the --output file's extension, else jsonl. Without --output the export
goes to standard output when it is a pipe or a file, and to a file named after the query (cables-QUERY-DAY.EXT)
when it is a terminal. A file is written under a temporary name and renamed when complete, so a failed export
leaves no partial file. More matches than --max (CABLEGRAM_EXPORT_MAX, default 50000) is refused before anything
is written. Without --as the export sees every cable; --as USER applies that user's access. Every export is written
to the audit log.

Examples:
  $ cablegram export 'kosovo from:2008 to:2010' --format zip -o kosovo.zip
  $ cablegram export 'tag:PREL' --as alice --format csv > prel.csv
  $ cablegram export '' --format jsonl | wc -l`;

type ExportArgs = { format?: string; output?: string; as?: string; max?: string };

/** Registers `export`. */
export const exportCommand: CommandModule = (program: Command, io: Io, done: (code: ExitCode) => void) => {
  program
    .command("export")
    .description("Export every cable a search finds: JSON Lines, CSV of metadata, or a ZIP of telegrams.")
    .argument("<query>", "the query (quote it for the shell; '' for everything)")
    .option("--format <format>", `${SEARCH_EXPORT_FORMATS.join(", ")} (default: from --output's extension, else jsonl)`)
    .option("-o, --output <file>", "the file to write; - for standard output")
    .option("--as <user>", "export as this user, with their access")
    .option("--max <n>", "the most cables to export (default CABLEGRAM_EXPORT_MAX or 50000)")
    .addHelpText("after", HELP)
    .action(async (q: string, args: ExportArgs) => done(await runExport(q, args, io)));
};

/**
 * Runs one export. Exit 0 when it was written whole, 2 for a bad query, option or user, or a refused export.
 * @example await runExport("kosovo", { format: "zip", output: "kosovo.zip" }, io) // 0
 */
export async function runExport(q: string, args: ExportArgs, io: Io): Promise<ExitCode> {
  const format = formatOf(args);
  if (format === null) {
    io.stderr(`cablegram export: --format must be one of ${SEARCH_EXPORT_FORMATS.join(", ")}, not "${args.format}"`);
    return 2;
  }
  let max: number;
  try {
    max = args.max === undefined ? (exportMaxFromEnv(io.env) ?? DEFAULT_EXPORT_MAX) : maxOf(args.max);
  } catch (error) {
    if (!(error instanceof CablegramError)) throw error;
    io.stderr(`cablegram export: ${error.message}`);
    return 2;
  }
  return runWithStore(io, "export", async (store) => {
    const user = await userOfOption(store, io, "export", args.as);
    if (user === undefined) return 2;
    const reader: Reader = user ? readerOf(user) : SYSTEM_READER;
    const actor: Actor = user ? { userId: user.id, username: user.username } : SYSTEM_ACTOR;
    const display = exportDisplay(io);
    const started = performance.now();
    try {
      const detail = { via: "cli", ...(user ? { as: user.username } : {}) };
      const onProgress = display.progress;
      const file = await exportSearch(
        { store, clock: systemClock },
        actor,
        reader,
        { q, format, max, onProgress },
        detail,
      );
      display.start(file.count);
      const toStdout = args.output === "-" || (args.output === undefined && io.stdoutIsTerminal !== true);
      const target = toStdout ? "standard output" : (args.output ?? file.fileName);
      const bytes = toStdout ? await writeToStdout(io, file.chunks) : await writeToFile(target, file.chunks);
      display.stop();
      const seconds = (performance.now() - started) / 1000;
      io.stderr(
        `Exported ${file.count.toLocaleString("en-US")} cable${file.count === 1 ? "" : "s"} as ${EXPORT_FORMAT_INFO[format].label} ` +
          `to ${target} (${megabytes(bytes)}) in ${seconds.toFixed(1)} s.`,
      );
      return 0;
    } catch (error) {
      display.stop();
      if (!(error instanceof CablegramError) || error.code !== "BAD_QUERY") throw error;
      const position = typeof error.details.position === "number" ? error.details.position : null;
      io.stderr(`cablegram export: BAD_QUERY: ${error.message}`);
      if (position !== null) io.stderr(`  ${q}\n  ${" ".repeat(position)}^`);
      return 2;
    }
  });
}

/** The format asked for, or the output file's, or jsonl; null for a format that is none of them. */
function formatOf(args: ExportArgs): SearchExportFormat | null {
  if (args.format !== undefined) return isSearchExportFormat(args.format) ? args.format : null;
  const extension = args.output === undefined ? "" : extname(args.output).slice(1).toLowerCase();
  return SEARCH_EXPORT_FORMATS.find((f) => EXPORT_FORMAT_INFO[f].extension === extension) ?? "jsonl";
}

function maxOf(text: string): number {
  const value = /^\d+$/.test(text.trim()) ? Number(text) : NaN;
  if (Number.isSafeInteger(value) && value >= 1) return value;
  throw new CablegramError("INVALID_INPUT", `--max must be a whole number of cables, 1 or more, not "${text}"`);
}

/** Writes the export under a temporary name and renames it when whole; removes it when the export fails. */
async function writeToFile(path: string, chunks: AsyncIterable<Uint8Array>): Promise<number> {
  const partial = `${path}.partial`;
  let bytes = 0;
  try {
    await pipeline(
      counted(chunks, (n) => (bytes += n)),
      createWriteStream(partial),
    );
    await rename(partial, path);
    return bytes;
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

async function writeToStdout(io: Io, chunks: AsyncIterable<Uint8Array>): Promise<number> {
  if (!io.writeStdout) throw new Error("this standard output takes no binary data; give --output FILE");
  const write = io.writeStdout.bind(io);
  let bytes = 0;
  await pipeline(
    counted(chunks, (n) => (bytes += n)),
    new Writable({
      write: (chunk: Uint8Array, _encoding, callback) => void write(chunk).then(() => callback(), callback),
    }),
  );
  return bytes;
}

async function* counted(chunks: AsyncIterable<Uint8Array>, add: (n: number) => void): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    add(chunk.byteLength);
    yield chunk;
  }
}

function megabytes(bytes: number): string {
  return bytes < 1_000_000 ? `${(bytes / 1000).toFixed(1)} kB` : `${(bytes / 1_000_000).toFixed(1)} MB`;
}
