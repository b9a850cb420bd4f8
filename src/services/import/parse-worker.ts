// The parse worker: turns telegram texts into cables off the main thread, so parsing and storing overlap.
import { parentPort } from "node:worker_threads";
import { cableFromTelegram, type BuiltCable, type TelegramHints } from "./cable-from-telegram.ts";

/** A job sent to the worker, and its answer. `seq` pairs them. */
export type ParseJob = { seq: number; text: string; hints: TelegramHints };
export type ParseAnswer = { seq: number; built: BuiltCable };

parentPort?.on("message", (job: ParseJob) => {
  const answer: ParseAnswer = { seq: job.seq, built: cableFromTelegram(job.text, job.hints) };
  parentPort!.postMessage(answer);
});
