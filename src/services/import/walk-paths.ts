// Walks the paths given to an import, lazily: files one at a time, folders recursively, corpus indexes applied.
import type { Stats } from "node:fs";
import { lstat, opendir, stat } from "node:fs/promises";
import { basename, dirname, extname, isAbsolute, join, relative, sep } from "node:path";
import { INDEX_FILE, isCorpusIndex, readCorpusIndex, type CorpusIndex, type IndexEntry } from "./corpus-index.ts";
import { errorMessage } from "../errors.ts";
import { importProblem, type ImportProblem } from "./import-problems.ts";

/** One thing to import: a telegram file (with what a corpus index says of it), a JSON Lines or JSON file, or a problem. */
export type ImportSource =
  | { kind: "telegram"; path: string; index: IndexEntry | null }
  | { kind: "jsonl"; path: string }
  | { kind: "json"; path: string }
  | { kind: "problem"; problem: ImportProblem };

type Scope = { index: CorpusIndex | null; indexDir: string };

/**
 * Yields what to import under the given paths, in walk order, holding one directory handle per level and never a
 * whole listing. Inside folders it takes `.txt` telegrams and `.jsonl` files and ignores the rest (README files,
 * hidden files); a path named explicitly is taken whatever its extension. A symbolic link met inside a folder, or
 * listed by an index, is reported (`SYMLINK`) and never followed, nor is an index entry outside the index's
 * folder (`OUTSIDE_INDEX_FOLDER`), so a folder cannot lead the import to files outside it; a path named explicitly is the caller's choice, and followed. A folder with a corpus `index.jsonl`
 * hands each telegram its index entry, and reports the files the index lists that are missing. Naming an
 * `index.jsonl` itself imports the files it lists.
 * @example for await (const s of walkPaths(["../shared/corpus/cablegate"])) if (s.kind === "telegram") s.index?.id
 */
export async function* walkPaths(paths: readonly string[]): AsyncGenerator<ImportSource> {
  for (const path of paths) {
    const info = await statOrProblem(path);
    if ("problem" in info) yield info;
    else if (info.stats.isDirectory()) yield* walkDir(path, { index: null, indexDir: path });
    else if (!info.stats.isFile()) yield problemSource(importProblem(path, "UNSUPPORTED"));
    else if (basename(path) === INDEX_FILE && (await isCorpusIndex(path))) yield* walkIndexOnly(path);
    else yield fileSource(path, extname(path).toLowerCase(), null);
  }
}

async function* walkDir(dir: string, outer: Scope): AsyncGenerator<ImportSource> {
  const index = await readCorpusIndex(dir);
  const scope: Scope = index ? { index, indexDir: dir } : outer;
  if (index) for (const problem of index.problems) yield problemSource(problem);

  let handle;
  try {
    handle = await opendir(dir);
  } catch (error) {
    yield problemSource(importProblem(dir, "UNREADABLE", errorMessage(error)));
    return;
  }
  for await (const entry of handle) {
    if (entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isSymbolicLink()) {
      lookUp(scope, path); // reported here, so not again as missing
      yield problemSource(importProblem(path, "SYMLINK"));
      continue;
    }
    if (entry.isDirectory()) {
      yield* walkDir(path, scope);
      continue;
    }
    const ext = extname(entry.name).toLowerCase();
    if (!entry.isFile() || (ext !== ".txt" && ext !== ".jsonl")) continue;
    if (index && entry.name === INDEX_FILE) continue;
    yield fileSource(path, ext, lookUp(scope, path));
  }
  if (index) yield* missingFiles(index, dir);
}

/** The files an index lists, when the index itself is named: exactly those, in index order. */
async function* walkIndexOnly(path: string): AsyncGenerator<ImportSource> {
  const dir = dirname(path);
  const index = await readCorpusIndex(dir);
  if (!index) return;
  for (const problem of index.problems) yield problemSource(problem);
  for (const entry of index.entries.values()) {
    const file = join(dir, entry.file);
    const within = relative(dir, file);
    if (within === ".." || within.startsWith(`..${sep}`) || isAbsolute(entry.file)) {
      entry.seen = true;
      yield problemSource(importProblem(file, "OUTSIDE_INDEX_FOLDER"));
      continue;
    }
    const info = await statOrProblem(file, lstat);
    if ("problem" in info) continue;
    entry.seen = true;
    if (info.stats.isSymbolicLink()) yield problemSource(importProblem(file, "SYMLINK"));
    else yield fileSource(file, ".txt", entry);
  }
  yield* missingFiles(index, dir);
}

function* missingFiles(index: CorpusIndex, dir: string): Generator<ImportSource> {
  for (const entry of index.entries.values()) {
    if (!entry.seen) yield problemSource(importProblem(join(dir, entry.file), "MISSING_FILE", `id ${entry.id}`));
  }
}

function lookUp(scope: Scope, path: string): IndexEntry | null {
  const entry = scope.index?.entries.get(relative(scope.indexDir, path)) ?? null;
  if (entry) entry.seen = true;
  return entry;
}

function fileSource(path: string, ext: string, index: IndexEntry | null): ImportSource {
  if (ext === ".jsonl") return { kind: "jsonl", path };
  if (ext === ".json") return { kind: "json", path };
  return { kind: "telegram", path, index };
}

type ProblemSource = Extract<ImportSource, { kind: "problem" }>;

function problemSource(problem: ImportProblem): ProblemSource {
  return { kind: "problem", problem };
}

/**
 * `stat` (following symbolic links) or `lstat` (not); a loop, a dangling link or a refusal becomes a problem
 * instead of an exception.
 */
async function statOrProblem(
  path: string,
  statOf: (path: string) => Promise<Stats> = stat,
): Promise<{ stats: Stats } | ProblemSource> {
  try {
    return { stats: await statOf(path) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ELOOP") return problemSource(importProblem(path, "SYMLINK_LOOP"));
    if (code === "ENOENT") return problemSource(importProblem(path, "NOT_FOUND"));
    return problemSource(importProblem(path, "UNREADABLE", errorMessage(error)));
  }
}
