// Shows an import's progress on stderr: a bar with rate and ETA on a terminal, a line every few seconds otherwise.
import cliProgress from "cli-progress";
import type { ImportOptions, ImportProgress, ImportSummary } from "../services/import/index.ts";
import type { Io } from "./io.ts";

/** The callbacks to hand to `importPaths`, and `stop()` to call once it returns (or throws). */
export type ImportDisplay = Required<
  Pick<ImportOptions, "onProgress" | "onProblem" | "onWarning" | "onStep" | "onChaining">
> & {
  stop(): void;
};

const LINE_EVERY_MS = 2000;
/** Cables to chain from which the catch-up chaining shows its progress: fewer are chained before a bar would draw. */
export const CHAIN_PROGRESS_FROM = 500;

/**
 * Builds the progress display for an import. On a terminal (`io.interactive`) a cli-progress bar with rate and ETA,
 * problems printed above it; otherwise (logs, CI, pipes) one plain line every two seconds, so logs stay readable.
 * @example const display = importDisplay(io, "import"); await importPaths(store, paths, display); display.stop()
 */
export function importDisplay(io: Pick<Io, "stderr" | "interactive">, label: string): ImportDisplay {
  const started = Date.now();
  const multi = io.interactive
    ? new cliProgress.MultiBar(
        {
          stream: process.stderr,
          format: `${label} [{bar}] {percentage}% {value}/{total} {rate}/s ETA {eta_formatted} | {counts}`,
          barsize: 24,
          hideCursor: true,
          clearOnComplete: false,
          etaBuffer: 200,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  const single = multi?.create(0, 0, { rate: "0", counts: "" });
  // Printed above the bar on a terminal, so the bar stays at the bottom.
  const line = (text: string) => (multi ? multi.log(`${text}\n`) : io.stderr(text));
  let lastLine = started;
  let chainBar: cliProgress.SingleBar | undefined;

  return {
    onProgress(p: ImportProgress) {
      const rate = ratePerSecond(p.done, Date.now() - started);
      if (single) {
        if (p.total !== null && single.getTotal() !== p.total) single.setTotal(p.total);
        single.update(p.done, { rate: format(Math.round(rate)), counts: counts(p) });
        return;
      }
      const now = Date.now();
      if (now - lastLine < LINE_EVERY_MS) return;
      lastLine = now;
      io.stderr(`${label}: ${progressLine(p, rate)}`);
    },
    onProblem(p) {
      line(`${p.line === undefined ? p.path : `${p.path}:${p.line}`}: ${p.code}: ${p.reason}`);
    },
    onWarning(w) {
      line(`${w.line === undefined ? w.path : `${w.path}:${w.line}`}: warning: ${w.reason}`);
    },
    onChaining(done, total) {
      if (total < CHAIN_PROGRESS_FROM) return;
      if (multi) {
        chainBar ??= multi.create(total, 0, {}, { format: `${label} chaining [{bar}] {percentage}% {value}/{total}` });
        chainBar.update(done);
        return;
      }
      const now = Date.now();
      if (done < total && now - lastLine < LINE_EVERY_MS) return;
      lastLine = now;
      io.stderr(`${label}: chaining archived cables: ${format(done)} of ${format(total)}`);
    },
    onStep(what) {
      line(`${label}: ${what}…`);
    },
    stop() {
      // A last redraw prints the problems still buffered for display above the bar.
      multi?.update();
      multi?.stop();
    },
  };
}

/**
 * The summary printed when an import ends: counts, time, rate, and the skipped inputs grouped by reason.
 * @example summaryLines({ imported: 2, present: 0, failed: 0, ... })[0]
 *   // "Imported 2 new cables, 0 already archived, 0 skipped, in 0.1 s (20 per second)."
 */
export function summaryLines(s: ImportSummary): string[] {
  const lines = [
    `Imported ${format(s.imported)} new cable${s.imported === 1 ? "" : "s"}, ${format(s.present)} already archived, ` +
      `${format(s.failed)} skipped, in ${(s.elapsedMs / 1000).toFixed(1)} s (${format(Math.round(s.rate))} per second).`,
  ];
  if (s.warnings > 0) lines.push(`${format(s.warnings)} warning${s.warnings === 1 ? "" : "s"} (printed above).`);
  if (s.skipped.length > 0) {
    lines.push("Skipped, by reason:");
    const width = Math.max(...s.skipped.map((k) => k.code.length));
    for (const k of s.skipped)
      lines.push(`  ${k.code.padEnd(width)} ${format(k.count).padStart(7)}  e.g. ${k.example}`);
  }
  return lines;
}

function progressLine(p: ImportProgress, rate: number): string {
  const of = p.total === null ? "" : ` of ${format(p.total)} (${((100 * p.done) / Math.max(1, p.total)).toFixed(1)}%)`;
  const eta = p.total !== null && rate > 0 ? `, ETA ${duration((p.total - p.done) / rate)}` : "";
  return `${format(p.done)}${of}, ${format(Math.round(rate))}/s${eta}; ${counts(p)}`;
}

function counts(p: ImportProgress): string {
  return `${format(p.imported)} new, ${format(p.present)} present, ${format(p.failed)} skipped`;
}

function ratePerSecond(done: number, ms: number): number {
  return ms > 0 ? (done * 1000) / ms : 0;
}

function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${s % 60}s`;
  return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
}

function format(n: number): string {
  return n.toLocaleString("en-US");
}
