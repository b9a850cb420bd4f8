// `npm run bench:parse`: parse throughput of the telegram parser over the whole Cablegate corpus, on one core.
// Target: at least 50 MB/s. Reads the corpus once, warms up, then parses it round after round for about 10 s.
import { performance } from "node:perf_hooks";
import { parseTelegram } from "../src/telegram/index.ts";
import { readCorpus, sharedAvailable } from "../test/helpers/shared-data.ts";
import { describeMachine } from "./machine.ts";

const TARGET_MB_PER_S = 50;
const WARM_UP_MS = 2_000;
const MEASURE_MS = Number(process.env.BENCH_SECONDS ?? 10) * 1_000;
const MB = 1024 * 1024;

/** Parses every text once; returns the elapsed milliseconds. The sink keeps the work from being optimised away. */
function parseRound(texts: readonly string[], sink: { paragraphs: number }): number {
  const started = performance.now();
  for (const text of texts) sink.paragraphs += parseTelegram(text).paragraphs.length;
  return performance.now() - started;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function main(): number {
  if (!sharedAvailable("corpus/cablegate/index.jsonl", "bench:parse")) return 2;
  const texts = readCorpus().map((c) => c.text);
  const megabytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t, "utf8"), 0) / MB;
  const sink = { paragraphs: 0 };

  for (let spent = 0; spent < WARM_UP_MS;) spent += parseRound(texts, sink);

  const rounds: number[] = [];
  for (let spent = 0; spent < MEASURE_MS || rounds.length < 3;) {
    const ms = parseRound(texts, sink);
    rounds.push(ms);
    spent += ms;
  }

  const total = rounds.reduce((a, b) => a + b, 0) / 1000;
  const perRound = median(rounds) / 1000;
  const mbPerS = megabytes / perRound;
  const print = (label: string, value: string) => console.log(`${label.padEnd(28)}${value}`);
  print("machine", describeMachine());
  print("corpus", `${texts.length} cables, ${megabytes.toFixed(2)} MB (UTF-8)`);
  print("rounds", `${rounds.length} in ${total.toFixed(1)} s, after ${WARM_UP_MS / 1000} s of warm-up`);
  print("throughput (median round)", `${mbPerS.toFixed(1)} MB/s, ${Math.round(texts.length / perRound)} cables/s`);
  print("throughput (all rounds)", `${((megabytes * rounds.length) / total).toFixed(1)} MB/s`);
  print(
    "rounds (min / max)",
    `${(megabytes / (Math.max(...rounds) / 1000)).toFixed(1)} / ${(megabytes / (Math.min(...rounds) / 1000)).toFixed(1)} MB/s`,
  );
  print("checksum (paragraphs)", String(sink.paragraphs));
  const met = mbPerS >= TARGET_MB_PER_S;
  print("target", `${TARGET_MB_PER_S} MB/s on one core: ${met ? "met" : "NOT MET"}`);
  return met || !process.argv.includes("--strict") ? 0 : 1;
}

process.exitCode = main();
