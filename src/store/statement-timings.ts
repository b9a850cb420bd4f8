// How long each SQL statement took, for finding what holds up a server under load: better-sqlite3 runs every
// statement on the main thread, so one slow statement stalls every request behind it. Off unless asked for
// (CABLEGRAM_SQL_TIMINGS names a file the server writes the figures to when it stops, and on SIGUSR2, when it also
// starts counting afresh: a benchmark takes one phase's figures that way). Kysely times each statement.
import { writeFileSync } from "node:fs";
import type { LogEvent } from "kysely";

/** One statement's figures: how often it ran, its total and its slowest run, and its percentiles, in ms. */
export type StatementFigures = {
  sql: string;
  count: number;
  totalMs: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
};

/** Statement durations kept by SQL text; `log` is Kysely's `log` option. */
export type StatementTimings = {
  log(event: LogEvent): void;
  /** Every statement seen, most total time first. */
  figures(): StatementFigures[];
  /** Forgets every run so far. */
  reset(): void;
};

/** Runs kept per statement for its percentiles; past that, a uniform sample of them (reservoir). */
const KEPT = 20_000;

/**
 * A recorder of statement durations, to hand to `openStore` (`StoreConfig.timings`).
 * @example const timings = statementTimings(); const store = await openStore({ ...config, timings }); timings.figures()[0]
 */
export function statementTimings(): StatementTimings {
  const runs = new Map<string, { count: number; totalMs: number; maxMs: number; kept: number[] }>();
  return {
    log(event) {
      const sql = event.query.sql;
      let r = runs.get(sql);
      if (!r) runs.set(sql, (r = { count: 0, totalMs: 0, maxMs: 0, kept: [] }));
      const ms = event.queryDurationMillis;
      r.count++;
      r.totalMs += ms;
      r.maxMs = Math.max(r.maxMs, ms);
      if (r.kept.length < KEPT) r.kept.push(ms);
      else {
        const slot = Math.floor(Math.random() * r.count);
        if (slot < KEPT) r.kept[slot] = ms;
      }
    },
    figures() {
      return [...runs]
        .map(([sql, r]) => {
          const sorted = [...r.kept].sort((a, b) => a - b);
          const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
          return { sql, count: r.count, totalMs: r.totalMs, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: r.maxMs };
        })
        .sort((a, b) => b.totalMs - a.totalMs);
    },
    reset: () => runs.clear(),
  };
}

/**
 * The recorder CABLEGRAM_SQL_TIMINGS asks for, with the function that writes its figures (JSON) to that file;
 * null when the variable is unset or empty. On SIGUSR2 the figures so far are written and forgotten.
 * @example const timed = statementTimingsFromEnv(process.env); ...; timed?.write()
 */
export function statementTimingsFromEnv(
  env: NodeJS.ProcessEnv,
): { timings: StatementTimings; file: string; write(): void } | null {
  const file = env.CABLEGRAM_SQL_TIMINGS?.trim();
  if (!file) return null;
  const timings = statementTimings();
  const write = () => writeFileSync(file, `${JSON.stringify(timings.figures(), null, 1)}\n`);
  process.on("SIGUSR2", () => {
    write();
    timings.reset();
  });
  return { timings, file, write };
}
