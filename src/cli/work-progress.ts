// Shows the progress of long work a command does before its own (scheduling a large archive's cables): a bar on a
// terminal, a line every few seconds otherwise, nothing for small amounts that end before a bar would draw.
import cliProgress from "cli-progress";
import type { Io } from "./io.ts";

const LINE_EVERY_MS = 2000;

/** The callback to pass to the work, and `stop()` to call when it ends. */
export type WorkProgress = { onProgress(done: number, total: number): void; stop(): void };

/**
 * A progress display for `label`, shown only when the work counts at least `from` items.
 * @example const p = workProgress(io, "scheduling declassification"); await scheduleArchivedCables(store, p.onProgress); p.stop()
 */
export function workProgress(io: Pick<Io, "stderr" | "interactive">, label: string, from = 2000): WorkProgress {
  let bar: cliProgress.SingleBar | null = null;
  let lastLine = 0;
  return {
    onProgress(done, total) {
      if (total < from) return;
      if (io.interactive) {
        if (bar === null) {
          bar = new cliProgress.SingleBar(
            { stream: process.stderr, format: `${label} [{bar}] {percentage}% {value}/{total} ETA {eta_formatted}` },
            cliProgress.Presets.shades_classic,
          );
          bar.start(total, 0);
        }
        bar.update(done);
        return;
      }
      const now = Date.now();
      if (done < total && now - lastLine < LINE_EVERY_MS) return;
      lastLine = now;
      io.stderr(`${label}: ${done.toLocaleString("en-US")} of ${total.toLocaleString("en-US")}`);
    },
    stop() {
      bar?.stop();
    },
  };
}
