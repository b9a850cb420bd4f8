// A corpus folder's index.jsonl: the publisher's canonical id, date and classification for each file name.
import { access } from "node:fs/promises";
import { join } from "node:path";
import { parseCableId, type CableId } from "../../core/index.ts";
import { importProblem, type ImportProblem } from "./import-problems.ts";
import { parseJsonObject } from "./parse-json-object.ts";
import { readLines } from "./read-lines.ts";

/** What the index says about one file. `seen` is set when the walk meets the file, to report missing ones. */
export type IndexEntry = {
  id: CableId;
  file: string;
  /** `created` as published: `2008-02-16T23:19Z`, reliable to the hour only. */
  created: string | null;
  /** As published: `CONFIDENTIAL//NOFORN`, `UNCLASSIFIED//FOR OFFICIAL USE ONLY`. */
  classification: string | null;
  seen: boolean;
};

/** A corpus index: entries by file name, and the lines it could not read. */
export type CorpusIndex = { path: string; entries: Map<string, IndexEntry>; problems: ImportProblem[] };

export const INDEX_FILE = "index.jsonl";

/**
 * Reads `index.jsonl` of a folder when it is a corpus index (its lines name a `file` and an `id`); null when the
 * folder has none, or when its index.jsonl holds cables instead (then it is imported as ordinary JSON Lines).
 * @example (await readCorpusIndex("../shared/corpus/cablegate"))?.entries.get("08STATE16245.txt")?.id // "08STATE16245"
 */
export async function readCorpusIndex(dir: string): Promise<CorpusIndex | null> {
  const path = join(dir, INDEX_FILE);
  if (!(await isCorpusIndex(path))) return null;
  const entries = new Map<string, IndexEntry>();
  const problems: ImportProblem[] = [];
  for await (const l of readLines(path)) {
    if ("problem" in l) {
      problems.push(importProblem(path, l.problem, undefined, l.line));
      continue;
    }
    if (l.text.trim() === "") continue;
    const entry = indexEntry(l.text);
    if (typeof entry === "string") problems.push(importProblem(path, "INVALID_JSON", entry, l.line));
    else entries.set(entry.file, entry);
  }
  return { path, entries, problems };
}

/**
 * True when the file is a corpus index: its first non-blank line is an object with `id` and `file` and no `text`.
 * @example await isCorpusIndex("../shared/corpus/cablegate/index.jsonl") // true
 */
export async function isCorpusIndex(path: string): Promise<boolean> {
  try {
    await access(path);
  } catch {
    return false;
  }
  for await (const l of readLines(path)) {
    if ("problem" in l) return false;
    if (l.text.trim() === "") continue;
    const value = parseJsonObject(l.text);
    return (
      typeof value !== "string" && typeof value.id === "string" && typeof value.file === "string" && !("text" in value)
    );
  }
  return false;
}

function indexEntry(text: string): IndexEntry | string {
  const value = parseJsonObject(text);
  if (typeof value === "string") return value;
  if (typeof value.file !== "string" || typeof value.id !== "string") {
    return 'an index line needs "id" and "file"';
  }
  const parsed = parseCableId(value.id);
  if (!parsed) return `"${value.id}" is not a canonical cable id`;
  return {
    id: parsed.id,
    file: value.file,
    created: typeof value.created === "string" ? value.created : null,
    classification: typeof value.classification === "string" ? value.classification : null,
    seen: false,
  };
}
