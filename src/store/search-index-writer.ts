// Writes the search index on a thread of its own during a bulk import (see search-index.ts for why it can).
import { Worker } from "node:worker_threads";
import type { IndexDoc } from "./search-index.ts";
import type { IndexAnswer, IndexJob } from "./search-index-worker.ts";

const ENTRY = new URL("./search-index-worker-entry.mjs", import.meta.url);
/** Batches handed over and not yet committed, beyond which `write` waits: one being indexed, one queued. */
const QUEUED = 2;

/**
 * A writer thread for the search index file. `write` hands it a batch (ascending seq) and returns at once unless
 * two are still waiting, so the caller prepares the next batch while the last one is indexed, and memory stays
 * flat. A batch the index refuses fails the next `write` and `close` with the reason; its cables are archived all
 * the same, and repairSearchIndex indexes them the next time the archive is opened.
 * @example const w = new SearchIndexWriter(searchFile); await w.write(docs); await w.close()
 */
export class SearchIndexWriter {
  private readonly worker: Worker;
  /** Batches handed over, oldest first; answers come in the same order. */
  private readonly queue: { id: number; done: Promise<void>; resolve(): void }[] = [];
  private nextId = 0;
  private failure: Error | null = null;
  private exited = false;

  constructor(file: string) {
    this.worker = new Worker(ENTRY, { workerData: { file } });
    this.worker.on("message", (answer: IndexAnswer) => {
      if (answer.error !== null) this.failure ??= new Error(`the search index refused a batch: ${answer.error}`);
      this.settle(answer.id);
    });
    this.worker.on("error", (e) => {
      this.failure ??= new Error(`the search index writer failed: ${e.message}`);
    });
    this.worker.on("exit", () => {
      this.exited = true;
      if (this.queue.length > 0) this.failure ??= new Error("the search index writer stopped");
      for (const { id } of [...this.queue]) this.settle(id);
    });
  }

  /** Hands `docs` to the writer thread; waits while two batches are still being indexed. */
  async write(docs: IndexDoc[]): Promise<void> {
    this.check();
    if (docs.length === 0) return;
    const id = (this.nextId += 1);
    let resolve!: () => void;
    const done = new Promise<void>((r) => (resolve = r));
    this.queue.push({ id, done, resolve });
    this.worker.postMessage({ id, docs } satisfies IndexJob);
    while (this.queue.length >= QUEUED) await this.queue[0]!.done;
    this.check();
  }

  /** Waits for every batch handed over, stops the thread, and throws if any batch failed. Call it in a `finally`. */
  async close(): Promise<void> {
    while (this.queue.length > 0) await this.queue[0]!.done;
    if (!this.exited) {
      const exited = new Promise((resolve) => this.worker.once("exit", resolve));
      this.worker.postMessage("close");
      await exited;
    }
    this.check();
  }

  private settle(id: number): void {
    const at = this.queue.findIndex((q) => q.id === id);
    if (at >= 0) this.queue.splice(at, 1)[0]!.resolve();
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }
}
