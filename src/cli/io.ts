// The CLI's window on the world: commands read and write through an Io, so tests call them without a process.
import { readFile } from "node:fs/promises";

/** Exit codes: 0 success, 1 the input is invalid (findings printed), 2 the command could not run (bad input/usage). */
export type ExitCode = 0 | 1 | 2;

export type Io = {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a file as UTF-8, or standard input for "-". */
  readText(path: string): Promise<string>;
  /** Standard input, line by line (for --batch). */
  stdinLines(): AsyncIterable<string>;
  env: NodeJS.ProcessEnv;
  /** True when stderr is a terminal (progress bars, prompts). */
  interactive: boolean;
  /** Writes bytes to standard output as they are (an export), resolving once they may be written again. */
  writeStdout?(chunk: Uint8Array): Promise<void>;
  /** True when standard output is a terminal, where no binary file should go. */
  stdoutIsTerminal?: boolean;
};

/** The real process: stdout, stderr, files and stdin. */
export function processIo(): Io {
  // `cablegram search x | head` closes the pipe early: the reader has what it wanted, so stop quietly, as Unix
  // tools do, instead of dying on an unhandled EPIPE with a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(0);
      throw error;
    });
  }
  return {
    stdout: (t) => process.stdout.write(t.endsWith("\n") ? t : `${t}\n`),
    stderr: (t) => process.stderr.write(t.endsWith("\n") ? t : `${t}\n`),
    readText: async (path) => (path === "-" ? await readStdin() : await readFile(path, "utf8")),
    stdinLines: () => stdinLines(),
    env: process.env,
    interactive: Boolean(process.stderr.isTTY),
    writeStdout: (chunk) =>
      new Promise((resolve) => (process.stdout.write(chunk) ? resolve() : process.stdout.once("drain", resolve))),
    stdoutIsTerminal: Boolean(process.stdout.isTTY),
  };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function* stdinLines(): AsyncIterable<string> {
  const { createInterface } = await import("node:readline");
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) yield line;
}
