// A CPU profile of this thread over one phase of a benchmark, taken through the inspector, so that a profile shows
// the phase alone, not the start-up and the other phases around it. Open the file in DevTools or speedscope.
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";

/**
 * Starts profiling this thread; the answer stops and writes the profile to `file`.
 * @example const stop = await profileThread(); ...; await stop("/tmp/prof/STATE.cpuprofile")
 */
export async function profileThread(): Promise<(file: string) => Promise<void>> {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 250 });
  await session.post("Profiler.start");
  return async (file) => {
    const { profile } = await session.post("Profiler.stop");
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  };
}
