// One runner of a pass that must never run twice at once: the dispatcher's passes and a site link's share it.

/** A job: ask it to run (kick), or wait until it has run (idle). */
export type Job = { kick(): void; idle(): Promise<void> };

/**
 * A job that runs again once more when asked while running, never twice at once. A kick starts it on the next turn
 * of the event loop, not at once: the releases committing in the same turn (concurrent requests) then share one
 * pass and its transaction, instead of one pass each.
 * @example const delivery = coalescingJob(deliverPass, () => stopped, (e) => log.error(e)); delivery.kick();
 */
export function coalescingJob(
  run: () => Promise<void>,
  isStopped: () => boolean,
  onError: (error: unknown) => void,
): Job {
  let running: Promise<void> | null = null;
  let again = false;
  return {
    kick() {
      if (isStopped()) return;
      if (running) {
        again = true;
        return;
      }
      running = (async () => {
        await new Promise<void>((resolve) => setImmediate(resolve));
        do {
          again = false;
          try {
            await run();
          } catch (error) {
            onError(error);
          }
        } while (again && !isStopped());
      })().finally(() => (running = null));
    },
    async idle() {
      while (running) await running;
    },
  };
}
