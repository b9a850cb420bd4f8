// The shared test data beside the project (../shared): the Cablegate corpus and its index, and the TAGS reference
// lists. Tests and benchmarks read it through here, and skip with a visible reason when a clone has no ../shared.
// The seed cables are the project's own (seeds.ts).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Absolute path of ../shared relative to the project root. */
export const SHARED_DIR = fileURLToPath(new URL("../../../shared/", import.meta.url));

/** The corpus folder: one `.txt` per cable plus `index.jsonl`. */
export const CORPUS_DIR = join(SHARED_DIR, "corpus", "cablegate");

/** One line of the corpus `index.jsonl`: the publisher's metadata, verbatim. */
export type CorpusIndexEntry = {
  id: string;
  /** `YYYY-MM-DDTHH:MMZ`; the minutes are unreliable (they repeat the hour on a 12-hour clock). */
  created: string;
  released: string;
  /** `SECRET`, `CONFIDENTIAL//NOFORN`, `UNCLASSIFIED//FOR OFFICIAL USE ONLY`, ... */
  classification: string;
  origin: string;
  /** TAGS codes the viewer linked, in order, deduplicated; empty for 413 cables whose codes were not linked. */
  tags: string[];
  file: string;
};

/** A corpus cable: its index entry and its text. */
export type CorpusCable = { entry: CorpusIndexEntry; text: string };

/**
 * Whether a part of ../shared exists; when it does not, prints why the tests that need it are skipped,
 * so a skip is never silent. Use with `describe.skipIf(!sharedAvailable("corpus/cablegate", "corpus tests"))`.
 * @example sharedAvailable("corpus/cablegate/index.jsonl", "corpus agreement") // true, or false plus a console note
 */
export function sharedAvailable(relative: string, what: string): boolean {
  const path = join(SHARED_DIR, relative);
  if (existsSync(path)) return true;
  console.warn(`[skip] ${what}: ${path} is absent (the tests read ../shared beside the project root).`);
  return false;
}

/**
 * The corpus index, one entry per cable, sorted by id.
 * @example corpusIndexEntries().length // 1295
 */
export function corpusIndexEntries(): CorpusIndexEntry[] {
  return readFileSync(join(CORPUS_DIR, "index.jsonl"), "utf8")
    .split("\n")
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as CorpusIndexEntry);
}

/**
 * Every corpus cable with its index entry, read once into memory.
 * @example readCorpus()[0].entry.id // "00HARARE6677"
 */
export function readCorpus(): CorpusCable[] {
  return corpusIndexEntries().map((entry) => ({ entry, text: readFileSync(join(CORPUS_DIR, entry.file), "utf8") }));
}
