// The server's logger: pino, as JSON lines when the output is a file or a pipe, as short readable lines on a terminal.
import { Writable } from "node:stream";
import pino, { type Logger } from "pino";
import { CablegramError } from "../services/errors.ts";

const LEVELS: Record<number, string> = { 10: "TRACE", 20: "DEBUG", 30: "INFO ", 40: "WARN ", 50: "ERROR", 60: "FATAL" };
const NOISE = new Set(["level", "time", "pid", "hostname", "msg", "reqId", "req", "res", "responseTime", "err"]);

/**
 * One log record as a terminal line: `14:02:07 INFO  GET /api/search 200 12 ms request completed`.
 * @example prettyLine({ level: 30, time: 0, msg: "listening", url: "http://localhost:8080" }) // "00:00:00 INFO  listening url=http://localhost:8080"
 */
export function prettyLine(record: Record<string, unknown>): string {
  const time = new Date(Number(record.time ?? Date.now())).toISOString().slice(11, 19);
  const parts = [time, LEVELS[Number(record.level)] ?? "INFO "];
  const req = record.req as { method?: string; url?: string } | undefined;
  const res = record.res as { statusCode?: number } | undefined;
  if (req?.method) parts.push(`${req.method} ${req.url ?? ""}`);
  if (res?.statusCode) parts.push(String(res.statusCode));
  if (typeof record.responseTime === "number") parts.push(`${Math.round(record.responseTime)} ms`);
  if (record.msg !== undefined) parts.push(String(record.msg));
  for (const [key, value] of Object.entries(record)) {
    if (!NOISE.has(key)) parts.push(`${key}=${typeof value === "string" ? value : JSON.stringify(value)}`);
  }
  const err = record.err as { message?: string; stack?: string } | undefined;
  if (err?.message) parts.push(`error=${err.message}`);
  return parts.join(" ");
}

function prettyStream(out: NodeJS.WritableStream): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString("utf8").split("\n")) {
        if (line.trim() === "") continue;
        try {
          out.write(`${prettyLine(JSON.parse(line) as Record<string, unknown>)}\n`);
        } catch {
          out.write(`${line}\n`);
        }
      }
      callback();
    },
  });
}

/**
 * A pino logger to `out` (stdout by default): pretty when `pretty`, JSON lines otherwise (for log collectors).
 * @example createLogger({ pretty: Boolean(process.stdout.isTTY) }).info({ url }, "listening")
 */
export function createLogger(options: { pretty: boolean; level?: string; out?: NodeJS.WritableStream }): Logger {
  const level = options.level ?? "info";
  if (options.pretty) return pino({ level }, prettyStream(options.out ?? process.stdout));
  // Synchronous writes to stdout, so the last lines before an exit are never lost.
  return pino({ level }, options.out ?? pino.destination({ dest: 1, sync: true }));
}

/** The levels LOG_LEVEL may name, least to most severe, and `silent`. */
const LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal", "silent"] as const;

/**
 * Reads LOG_LEVEL: `info` when unset or empty, any case. Anything else throws SETTING_INVALID naming the levels, as
 * pino would otherwise stop the server with a stack trace.
 * @example logLevelFromEnv({ LOG_LEVEL: "DEBUG" }) // "debug"
 */
export function logLevelFromEnv(env: NodeJS.ProcessEnv): (typeof LOG_LEVELS)[number] {
  const text = (env.LOG_LEVEL ?? "").trim().toLowerCase();
  if (text === "") return "info";
  const level = LOG_LEVELS.find((l) => l === text);
  if (level) return level;
  throw new CablegramError(
    "SETTING_INVALID",
    `LOG_LEVEL is ${JSON.stringify(env.LOG_LEVEL)} in the environment, which is not a level: set it to one of ` +
      `${LOG_LEVELS.join(", ")}, or unset it for info.`,
    { variable: "LOG_LEVEL", value: env.LOG_LEVEL },
  );
}
