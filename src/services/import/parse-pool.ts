// A small pool of worker threads that parse telegrams, so a bulk import uses more than one core.
import { Worker } from "node:worker_threads";
import { cableFromTelegram, type ParsedTelegram, type TelegramHints } from "../archive/cable-from-telegram.ts";
import type { ParseAnswer, ParseJob } from "./parse-worker.ts";

type Pending = { resolve(built: ParsedTelegram): void; text: string; hints: TelegramHints };
type Slot = { worker: Worker; pending: Map<number, Pending>; alive: boolean };

const ENTRY = new URL("./parse-worker-entry.mjs", import.meta.url);

/**
 * Parses telegrams on `size` worker threads, round robin. With size 0 it parses inline, on the caller's thread.
 * A worker that fails is retired and its jobs are parsed inline, so a pool problem never loses a cable. Workers
 * keep the process alive until `close()`: call it in a `finally`.
 * @example const pool = new ParsePool(2); const built = await pool.parse(text, {}); await pool.close()
 */
export class ParsePool {
  private readonly slots: Slot[] = [];
  private next = 0;
  private seq = 0;

  constructor(size: number) {
    for (let i = 0; i < size; i += 1) {
      const slot: Slot = { worker: new Worker(ENTRY), pending: new Map(), alive: true };
      slot.worker.on("message", (answer: ParseAnswer) => {
        const job = slot.pending.get(answer.seq);
        slot.pending.delete(answer.seq);
        job?.resolve(answer.built);
      });
      slot.worker.on("error", () => this.retire(slot));
      slot.worker.on("exit", () => this.retire(slot));
      this.slots.push(slot);
    }
  }

  /** Parses one telegram (see `cableFromTelegram`); on a worker, the answer carries the cable's record too. */
  parse(text: string, hints: TelegramHints): Promise<ParsedTelegram> {
    const slot = this.pick();
    if (!slot) return Promise.resolve(cableFromTelegram(text, hints));
    const seq = (this.seq += 1);
    return new Promise((resolve) => {
      slot.pending.set(seq, { resolve, text, hints });
      const job: ParseJob = { seq, text, hints };
      slot.worker.postMessage(job);
    });
  }

  /** Stops the workers; call once the last parse has answered. */
  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    for (const slot of slots) slot.alive = false;
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private pick(): Slot | undefined {
    for (let tries = 0; tries < this.slots.length; tries += 1) {
      const slot = this.slots[this.next++ % this.slots.length]!;
      if (slot.alive) return slot;
    }
    return undefined;
  }

  private retire(slot: Slot): void {
    if (!slot.alive) return;
    slot.alive = false;
    for (const job of slot.pending.values()) job.resolve(cableFromTelegram(job.text, job.hints));
    slot.pending.clear();
  }
}
