// Reads a secret (a password) for the CLI: a hidden prompt on a terminal, else one line from standard input.
import type { Io } from "./io.ts";

/**
 * Reads a secret. On a terminal it prompts on stderr and reads keystrokes without echoing them; otherwise (a pipe,
 * a test) it takes the first line of standard input, so `echo "$PASS" | cablegram user passwd alice` works.
 * Null when there is nothing to read.
 * @example await readSecret(io, "Password for alice: ") // "correct horse battery"
 */
export async function readSecret(io: Io, prompt: string): Promise<string | null> {
  if (io.interactive && process.stdin.isTTY) return readHidden(prompt);
  for await (const line of io.stdinLines()) return line.replace(/\r$/, "");
  return null;
}

function readHidden(prompt: string): Promise<string | null> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  return new Promise((resolve) => {
    let value = "";
    const finish = (result: string | null) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off("data", onData);
      process.stderr.write("\n");
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString("utf8")) {
        if (ch === "\r" || ch === "\n") return finish(value);
        if (ch === "\u0003" || ch === "\u0004") return finish(null); // Ctrl-C, Ctrl-D
        if (ch === "\u007f" || ch === "\b") value = value.slice(0, -1);
        else if (ch >= " ") value += ch;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on("data", onData);
  });
}
