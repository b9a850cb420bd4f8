// Where a server's main thread spent a benchmark phase: the functions with the most self time in a window of a
// V8 CPU profile (node --cpu-prof), so a benchmark prints it beside its figures instead of leaving it to DevTools.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type Profile = { nodes: ProfileNode[]; startTime: number; samples: number[]; timeDeltas: number[] };

/** A phase's window on the monotonic clock (process.hrtime), in microseconds as V8's profiles count. */
export type Window = { label: string; fromUs: number; toUs: number };

/**
 * The monotonic clock now, in microseconds: the clock V8 stamps profile samples with on Linux.
 * @example const from = monotonicUs()
 */
export function monotonicUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/**
 * The main thread's profile in `dir` of the process `pid` (node names it CPU.<date>.<pid>.0.<seq>.cpuprofile);
 * null when there is none.
 * @example mainThreadProfile("/tmp/prof", 1234)
 */
export function mainThreadProfile(dir: string, pid: number): string | null {
  const name = readdirSync(dir).find((f) => new RegExp(`^CPU\\.[\\d.]+\\.${pid}\\.0\\.\\d+\\.cpuprofile$`).test(f));
  return name ? join(dir, name) : null;
}

/**
 * The `top` functions by self time within `window`, as lines: milliseconds, share of the window's samples, and the
 * function with its file (node_modules and the project's root cut off) and line.
 * @example selfTimeLines(profileFile, { label: "search", fromUs, toUs }, 12)
 */
export function selfTimeLines(file: string, window: Window, top: number): string[] {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    if (at < window.fromUs || at > window.toUs) continue;
    const spent = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const { functionName, url, lineNumber } = nodes.get(profile.samples[i]!)!.callFrame;
    const where = url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*?\/(src|bench)\//, "$1/");
    const name = `${functionName || "(anonymous)"}${where ? ` ${where}:${lineNumber + 1}` : ""}`;
    self.set(name, (self.get(name) ?? 0) + spent);
    total += spent;
  }
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(
      ([name, spent]) =>
        `${spent.toFixed(0).padStart(6)} ms ${((100 * spent) / total).toFixed(1).padStart(5)} %  ${name}`,
    );
}
