// An open-loop load at an even rate: request i is due at start + i / rate whatever the server is doing, and its
// latency counts from when it was due, so a request held up behind a slow one (or waiting for a free connection)
// counts its wait. autocannon's `overallRate` is not that: each connection sends its share of a second's requests
// back to back as soon as the previous answer is in and then idles until the next second, so all connections ask at
// once at the top of every second and a latency there is the time to drain that queue.
import { Agent, request } from "node:http";
import { percentiles } from "./latency.ts";

export type PacedOptions = {
  url: string;
  headers: Record<string, string>;
  /** Requests a second, evenly spaced. */
  rate: number;
  seconds: number;
  /** Keep-alive connections at most; a request due while all are busy waits for one (and counts the wait). */
  connections: number;
  /** A request unanswered this long after it was due counts as an error; 10 s, as autocannon's default. */
  timeoutMs?: number;
};

export type PacedResult = {
  /** Requests due in the run (rate × seconds). */
  sent: number;
  answered: number;
  /** Answers with a status other than 2xx. */
  non2xx: number;
  errors: number;
  /** From when each answered request was due to its last byte, in ms. */
  latency: { p50: number; p90: number; p99: number; max: number };
  /** Answered requests a second, over the time from the first due request to the last answer. */
  achieved: number;
};

/**
 * Offers `rate` requests a second of GET `url` for `seconds`, evenly spaced, and times each from when it was due.
 * @example await pacedLoad({ url, headers: { cookie }, rate: 200, seconds: 15, connections: 50 })
 */
export async function pacedLoad(options: PacedOptions): Promise<PacedResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const total = Math.round(options.rate * options.seconds);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const latencies: number[] = [];
  let [non2xx, errors, next] = [0, 0, 0];
  const inFlight = new Set<Promise<void>>();
  const start = performance.now();
  const send = (due: number) => {
    const done = new Promise<void>((resolve) => {
      // From when it was due: a request still waiting for a connection when the server falls behind times out too.
      const timer = setTimeout(() => req.destroy(new Error("timed out")), due + timeoutMs - performance.now());
      const req = request(options.url, { agent, headers: options.headers }, (res) => {
        res.resume();
        res.on("end", () => {
          clearTimeout(timer);
          latencies.push(performance.now() - due);
          if (res.statusCode! < 200 || res.statusCode! >= 300) non2xx++;
          resolve();
        });
      });
      req.on("error", () => {
        clearTimeout(timer);
        errors++;
        resolve();
      });
      req.end();
    });
    inFlight.add(done);
    void done.then(() => inFlight.delete(done));
  };
  while (next < total) {
    const now = performance.now();
    // Every request due by now goes out in this turn; the timer's lateness is the server's and the machine's.
    while (next < total && start + (next * 1000) / options.rate <= now) send(start + (next++ * 1000) / options.rate);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  const p = percentiles(latencies);
  const sorted = [...latencies].sort((a, b) => a - b);
  const p90 = sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(0.9 * sorted.length) - 1))] ?? 0;
  return {
    sent: total,
    answered: latencies.length - non2xx,
    non2xx,
    errors,
    latency: { p50: p.p50, p90, p99: p.p99, max: p.max },
    achieved: (latencies.length - non2xx) / elapsed,
  };
}
