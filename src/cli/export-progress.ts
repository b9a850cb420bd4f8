// Shows an export's progress on stderr: a bar with rate and ETA on a terminal, nothing but the closing summary
// otherwise (logs and pipes stay clean).
import cliProgress from "cli-progress";
import type { Io } from "./io.ts";

/** What the export command tells the display. */
export type ExportDisplay = {
  /** The export starts: `count` cables to write. */
  start(count: number): void;
  /** `done` of `count` cables written so far. */
  progress(done: number, count: number): void;
  /** The export ended (or failed): the bar stops. */
  stop(): void;
};

/**
 * A cli-progress bar on a terminal (`io.interactive`); a display that shows nothing otherwise.
 * @example const display = exportDisplay(io); display.start(1200); display.progress(250, 1200); display.stop()
 */
export function exportDisplay(io: Pick<Io, "interactive">): ExportDisplay {
  if (!io.interactive) return { start() {}, progress() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: "export [{bar}] {percentage}% {value}/{total} cables | ETA {eta_formatted}",
      barsize: 30,
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let running = false;
  return {
    start(count) {
      bar.start(count, 0);
      running = true;
    },
    progress(done) {
      if (running) bar.update(done);
    },
    stop() {
      if (running) bar.stop();
      running = false;
    },
  };
}
