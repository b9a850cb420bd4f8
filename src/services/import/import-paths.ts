// Bulk import: telegram files, folders, JSON Lines and corpus folders into the archive, streaming, in batches.
import { availableParallelism } from "node:os";
import type { WriteOutcome } from "../../store/cable-writes.ts";
import type { Store } from "../../store/open-store.ts";
import { archiveCables, type ArchiveItem } from "../archive/archive-cables.ts";
import { repairSearchIndex } from "../archive/repair-search-index.ts";
import { chainUnchained } from "../chain/chain-archived.ts";
import { SearchIndexWriter } from "../../store/search-index-writer.ts";
import { jsonInput } from "./cable-from-json.ts";
import type { ParsedTelegram, TelegramHints } from "../archive/cable-from-telegram.ts";
import { countInputs } from "./count-inputs.ts";
import { errorMessage } from "../errors.ts";
import { importProblem, type ImportProblem, type ImportProblemCode, type ImportWarning } from "./import-problems.ts";
import { parseJsonObject } from "./parse-json-object.ts";
import { ParsePool } from "./parse-pool.ts";
import { readLines } from "./read-lines.ts";
import { readTextFile } from "./read-text-file.ts";
import { walkPaths } from "./walk-paths.ts";
import { systemClock } from "../clock.ts";
import type { EventBus } from "../events/event-bus.ts";
import { notifyWatchingSearches } from "../saved-searches/notify-watching-searches.ts";

/** Where an import stands. `done` counts inputs (telegram files, JSON lines) out of `total` (null while unknown). */
export type ImportProgress = {
  done: number;
  total: number | null;
  imported: number;
  present: number;
  failed: number;
  /** The file being read. */
  current: string | null;
};

export type ImportOptions = {
  /** Called after every input; cheap to receive, so throttle the display, not the call. */
  onProgress?(p: ImportProgress): void;
  /** Called for every skipped input, as it happens. */
  onProblem?(p: ImportProblem): void;
  /** Called when an input goes in with a repair worth knowing (the index id overruling the parsed one). */
  onWarning?(w: ImportWarning): void;
  /** Cables per transaction at most; default 2,000 (fewer when their texts pass 32 million characters). */
  batchSize?: number;
  /** Parse worker threads; default: one per core but one (1 to 4) for 1,000 inputs or more, else none (inline). */
  workers?: number;
  /** Where a watching saved search's live notice goes (notify-watching-searches.ts); the notice is kept regardless. */
  bus?: EventBus;
  /** Called before a step after the last input that may take a while, saying what it does. */
  onStep?(what: string): void;
  /**
   * Called as the import's first step chains archived cables no link covers yet (an archive from before imports
   * were chained, or an import killed between its two commits): after each batch link, with cables done and total.
   */
  onChaining?(done: number, total: number): void;
};

/** What an import did. `skipped` groups the problems by code, with one example path each. */
export type ImportSummary = {
  imported: number;
  /** Already archived (or given twice): importing is idempotent. */
  present: number;
  failed: number;
  warnings: number;
  skipped: { code: ImportProblemCode; count: number; example: string }[];
  elapsedMs: number;
  /** Inputs handled per second. */
  rate: number;
};

/** A cable (or a worker's record of one) for `archiveCables`, with where it came from for problem reports. */
type Item = ArchiveItem & { path: string; line: number | undefined };

/** An input on its way: built (or refused) by a parse that may still be running on a worker, with its hints. */
type Outcome = {
  built: ParsedTelegram<ImportProblemCode>;
  raw: string | null;
  path: string;
  line: number | undefined;
  hints?: TelegramHints;
};

/**
 * Cables a transaction takes at most, and the characters of text (raw and indexed) at which it takes fewer, so
 * that a batch of long cables stays within memory. Larger batches mean fewer commits and fewer, larger segments
 * of the search index for FTS5 to merge, so an import runs faster with these than with batches of 500 (measured
 * with bench:archive, see docs/performance.md).
 */
export const DEFAULT_BATCH = 2000;
const BATCH_TEXT = 32_000_000;
/**
 * Inputs parsed ahead of the one being stored: enough to keep the workers busy while the main thread writes a
 * batch (which blocks it), few enough to keep memory flat.
 */
const WINDOW = 1024;
/** Below this many inputs, starting worker threads costs more than it saves. */
const WORKERS_FROM = 1000;
/** From this many new cables, the engine's upkeep after an import runs at the end (postgres/refresh-statistics.ts). */
const REFRESH_FROM = 1000;

/**
 * Imports everything under `paths` into the archive: `.txt` telegrams, folders (recursively), `.jsonl` files of
 * Cable JSON or `{ "text", "id"? }` lines, and corpus folders whose `index.jsonl` gives canonical ids. Inputs that
 * cannot become a cable with an id are reported through `onProblem` and skipped; the rest goes in, in transactions
 * of `batchSize` through `archiveCables`, so a second run finds every cable present and adds nothing. Streams:
 * folders are walked lazily and JSON Lines read line by line, at most a window of inputs being parsed (on worker
 * threads for large imports) while the previous batch is stored, so memory stays flat however large the input.
 * The server's first start calls it: keep the signature.
 * @example const s = await importPaths(store, ["examples"]) // { imported: 2, present: 0, failed: 0, ... }
 */
export async function importPaths(store: Store, paths: string[], options: ImportOptions = {}): Promise<ImportSummary> {
  const started = performance.now();
  // Cables archived from here on are this import's (or a release's meanwhile, which a notice counts once anyway).
  const startedAt = systemClock.now().toISOString();
  const progress: ImportProgress = { done: 0, total: null, imported: 0, present: 0, failed: 0, current: null };
  const skipped = new Map<ImportProblemCode, { count: number; example: string }>();
  let warnings = 0;

  const report = (): void => options.onProgress?.({ ...progress });
  const fail = (problem: ImportProblem): void => {
    progress.failed += 1;
    const group = skipped.get(problem.code);
    if (group) group.count += 1;
    else skipped.set(problem.code, { count: 1, example: where(problem.path, problem.line) });
    options.onProblem?.(problem);
  };

  progress.total = await countInputs(paths);
  report();
  // Cables an earlier import stored but did not get to index (it was killed between the two commits) go in first.
  await repairSearchIndex(store);
  // So do cables stored but not chained (an import killed between the two, or an archive from before imports were
  // chained): verify must find every archived cable in the chain.
  const unchained = await chainUnchained(store, options.onChaining);
  if (unchained > 0) options.onStep?.(`chained ${unchained} archived cables no chain link covered`);
  const workers = options.workers ?? (progress.total >= WORKERS_FROM ? defaultWorkers() : 0);
  const pool = new ParsePool(workers);
  // A large import writes the SQLite search index on a thread of its own, beside the archive's writes.
  const index = workers > 0 && store.searchFile ? new SearchIndexWriter(store.searchFile) : undefined;
  const restoreCheckpoints = index ? store.bulkImport.checkpointLessOften() : () => undefined;
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH);
  const batcher = new Batcher(store, batchSize, progress, fail, report, index);
  const window: Promise<Outcome>[] = [];

  /** Takes the oldest outcome: in input order, so results and reports do not depend on worker timing. */
  const settle = async (): Promise<void> => {
    const { built, raw, path, line, hints } = await window.shift()!;
    if ("code" in built) fail(importProblem(path, built.code, built.detail, line));
    else {
      for (const reason of built.warnings) {
        warnings += 1;
        options.onWarning?.(line === undefined ? { path, reason } : { path, line, reason });
      }
      const source = where(path, line);
      if ("record" in built)
        batcher.add({ record: { ...built.record, raw }, citing: built.citing, source, path, line });
      else batcher.add({ cable: built.cable, raw, source, path, line, ...(hints ? { parsedWith: hints } : {}) });
    }
    await batcher.flushIfFull();
    report();
  };
  const submit = async (outcome: Promise<Outcome> | Outcome): Promise<void> => {
    window.push(Promise.resolve(outcome));
    while (window.length >= WINDOW) await settle();
  };
  const telegram = (text: string, hints: TelegramHints, path: string, line?: number) =>
    submit(pool.parse(text, hints).then((built) => ({ built, raw: text, path, line, hints })));
  const json = (text: string, path: string, line?: number): Promise<void> => {
    const value = parseJsonObject(text);
    if (typeof value === "string")
      return submit({ built: { code: "INVALID_JSON", detail: value }, raw: null, path, line });
    const input = jsonInput(value);
    if (input.kind === "telegram") return telegram(input.text, input.hints, path, line);
    return submit({ built: input.built, raw: null, path, line });
  };

  try {
    for await (const source of walkPaths(paths)) {
      if (source.kind === "problem") {
        progress.done += 1;
        fail(source.problem);
        continue;
      }
      progress.current = source.path;
      if (source.kind === "jsonl") {
        for await (const l of readLines(source.path)) {
          progress.done += 1;
          if ("problem" in l) await submit({ built: { code: l.problem }, raw: null, path: source.path, line: l.line });
          else if (l.text.trim() !== "") await json(l.text, source.path, l.line);
        }
        continue;
      }
      progress.done += 1;
      const read = await readTextFile(source.path);
      if ("code" in read) await submit({ built: read, raw: null, path: source.path, line: undefined });
      else if (source.kind === "json") await json(read.text, source.path);
      else await telegram(read.text, source.index ? { ...source.index, from: "index.jsonl" } : {}, source.path);
    }
    while (window.length > 0) await settle();
    await batcher.flush();
  } finally {
    await pool.close();
    restoreCheckpoints();
    await closeIndex(store, index);
  }
  progress.current = null;
  report();
  const upkeep = store.bulkImport.afterImport;
  if (upkeep && progress.imported >= REFRESH_FROM) {
    options.onStep?.(upkeep.step);
    await upkeep.run();
  }
  // Once every cable is searchable (the index thread has finished): watching saved searches hear of the new ones.
  if (progress.imported > 0) {
    await notifyWatchingSearches({ store, clock: systemClock, bus: options.bus }, { archivedSince: startedAt });
  }

  const elapsedMs = performance.now() - started;
  return {
    imported: progress.imported,
    present: progress.present,
    failed: progress.failed,
    warnings,
    skipped: [...skipped].map(([code, { count, example }]) => ({ code, count, example })),
    elapsedMs,
    rate: elapsedMs > 0 ? (progress.done * 1000) / elapsedMs : 0,
  };
}

/**
 * Waits for the index writer to finish. Should it have failed, the cables it did not index are indexed here on
 * the main thread; only if that fails too does the import fail (the cables stay archived, and the next open
 * indexes them).
 */
async function closeIndex(store: Store, index: SearchIndexWriter | undefined): Promise<void> {
  if (!index) return;
  try {
    await index.close();
  } catch {
    await repairSearchIndex(store);
  }
}

/** The main thread stores while workers parse: leave it a core. */
function defaultWorkers(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

/** What writing one batch came to: the archive's counts (one per transaction) and the cables it refused. */
type Written = { outcomes: WriteOutcome[]; refused: ImportProblem[] };

/**
 * Collects cables into batches and archives each in one transaction, up to the store's bulkImport.writers of them at a
 * time; a batch the archive refuses is retried cable by cable, so one bad cable is reported and the others still go in.
 * Batches are counted and their problems reported in input order, however their writes overlap.
 */
class Batcher {
  private items: Item[] = [];
  private text = 0;
  /** Batches being written, oldest first; each settles once it is written and counted. */
  private readonly writing: Promise<void>[] = [];
  /** Settles once every batch started so far is counted. */
  private counted: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly size: number,
    private readonly progress: ImportProgress,
    private readonly fail: (p: ImportProblem) => void,
    private readonly report: () => void,
    private readonly index: SearchIndexWriter | undefined,
  ) {}

  /** Adds a cable to the next batch; an id repeated in a batch is the archive's to skip, like one already stored. */
  add(item: Item): void {
    this.items.push(item);
    this.text += textLength(item);
  }

  async flushIfFull(): Promise<void> {
    if (this.items.length >= this.size || this.text >= BATCH_TEXT) await this.startFlush();
  }

  async flush(): Promise<void> {
    await this.startFlush();
    while (this.writing.length > 0) await this.writing.shift();
  }

  private async startFlush(): Promise<void> {
    while (this.writing.length >= this.store.bulkImport.writers) await this.writing.shift();
    const batch = this.items;
    if (batch.length === 0) return;
    this.items = [];
    this.text = 0;
    const written = this.write(batch);
    const counted = Promise.all([this.counted, written]).then(([, w]) => this.count(w));
    this.counted = counted;
    // A failed batch rethrows where it is awaited (above, or in flush); until then it must not count as unhandled.
    counted.catch(() => undefined);
    this.writing.push(counted);
  }

  private async write(batch: Item[]): Promise<Written> {
    try {
      return { outcomes: [await archiveCables(this.store, batch, this.options())], refused: [] };
    } catch (batchError) {
      const written: Written = { outcomes: [], refused: [] };
      for (const item of batch) {
        try {
          written.outcomes.push(await archiveCables(this.store, [item], this.options()));
        } catch (error) {
          written.refused.push(importProblem(item.path, "STORE_REJECTED", errorMessage(error), item.line));
        }
      }
      // Every cable refused one by one: the store is failing, not the cables. Stop rather than skip them all.
      if (batch.length > 1 && written.refused.length === batch.length) throw batchError;
      return written;
    }
  }

  private options(): { index?: SearchIndexWriter } {
    return this.index ? { index: this.index } : {};
  }

  private count({ outcomes, refused }: Written): void {
    for (const { inserted, skipped } of outcomes) {
      this.progress.imported += inserted;
      this.progress.present += skipped;
    }
    for (const problem of refused) this.fail(problem);
    this.report();
  }
}

/** The text a batch holds for a cable: its raw telegram and the body it indexes. */
function textLength(item: Item): number {
  if ("record" in item) return (item.record.raw?.length ?? 0) + item.record.fts.body.length;
  return (item.raw?.length ?? 0) + item.cable.body.length;
}

function where(path: string, line?: number): string {
  return line === undefined ? path : `${path}:${line}`;
}
