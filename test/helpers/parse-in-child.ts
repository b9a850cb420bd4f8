// Parses one pathological input in a process of its own, so that a parser stuck in regex backtracking can be killed
// and named, instead of hanging the test run. Run: node --import tsx test/helpers/parse-in-child.ts "<input name>"
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { parseTelegram } from "../../src/telegram/index.ts";
import { cableProblems } from "./cable-validity.ts";
import { PATHOLOGICAL_INPUTS } from "./pathological-inputs.ts";

/** What the child prints as its one line of JSON. */
export type ChildReport = {
  status: "ok" | "threw" | "invalid";
  detail: string;
  ms: number;
  /** The child's peak resident memory by the end of the parse, in megabytes. */
  peakMb?: number;
};

function run(name: string): ChildReport {
  const build = PATHOLOGICAL_INPUTS[name];
  if (build === undefined) return { status: "threw", detail: `no input named ${JSON.stringify(name)}`, ms: 0 };
  const text = build();
  const started = performance.now();
  try {
    const cable = parseTelegram(text);
    const ms = performance.now() - started;
    // Read before the validity check, which builds its own copies of the text.
    const peakMb = peakResidentMb();
    const problems = cableProblems(text, cable);
    return { status: problems.length === 0 ? "ok" : "invalid", detail: problems.join("; "), ms, peakMb };
  } catch (error) {
    return { status: "threw", detail: String(error), ms: performance.now() - started };
  }
}

/**
 * This process's peak resident memory, in megabytes. Linux's `VmHWM` belongs to the process's own memory map, made
 * new at exec; `maxRSS` is carried across exec, so it would report the parent's size at the fork when the parent is
 * a large test worker.
 */
function peakResidentMb(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (hwm) return Math.round(Number(hwm[1]) / 1024);
  } catch {
    // not Linux: maxRSS below
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

process.stdout.write(`${JSON.stringify(run(process.argv[2] ?? ""))}\n`);
