// Latency sampling for benchmarks: time a call repeatedly and summarise as percentiles.

/** Percentiles of a set of samples, in milliseconds. */
export type Percentiles = { p50: number; p95: number; p99: number; max: number; n: number };

/**
 * Percentiles by the nearest-rank method (no interpolation: every figure is a latency that happened).
 * @example percentiles([1, 2, 3, 4, 100]) // { p50: 3, p95: 100, p99: 100, max: 100, n: 5 }
 */
export function percentiles(samples: readonly number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1) ?? 0, n: sorted.length };
}

/**
 * Runs `call` once to warm up, then `repeat` times, and returns each run's duration in milliseconds.
 * @example await timeRepeated(() => searchCables(store, reader, { q: "kosovo" }), 10) // [3.1, 2.9, ...]
 */
export async function timeRepeated(call: () => unknown, repeat: number): Promise<number[]> {
  await call();
  const samples: number[] = [];
  for (let i = 0; i < repeat; i += 1) {
    const start = performance.now();
    await call();
    samples.push(performance.now() - start);
  }
  return samples;
}

/**
 * A millisecond figure for a table: one decimal below 10 ms, whole above.
 * @example ms(3.14159) // "3.1"
 */
export function ms(value: number): string {
  return value < 10 ? value.toFixed(1) : Math.round(value).toString();
}
