// A corpus folder as the fidelity report reads it: each `.txt` telegram with the line of `index.jsonl` that names it
// (when the folder has an index), in file-name order.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { IndexFacts } from "./index-agreement.ts";
import type { FidelityInput } from "./fidelity-tally.ts";

/** A folder's telegrams: their paths, and the index's facts by file name (empty without an index.jsonl). */
export type CorpusFolder = { dir: string; files: string[]; facts: Map<string, IndexFacts> };

function factsOf(line: string): [string, IndexFacts] | null {
  try {
    const o = JSON.parse(line) as Record<string, unknown>;
    if (typeof o.file !== "string" || typeof o.id !== "string") return null;
    const tags = Array.isArray(o.tags) ? o.tags.filter((t): t is string => typeof t === "string") : [];
    return [
      o.file,
      {
        id: o.id,
        created: typeof o.created === "string" ? o.created : "",
        classification: typeof o.classification === "string" ? o.classification : "",
        tags,
      },
    ];
  } catch {
    return null;
  }
}

/**
 * Lists a corpus folder: its `.txt` files and what its index.jsonl says of them.
 * @example (await openCorpusFolder("../shared/corpus/cablegate")).files.length // 1295
 */
export async function openCorpusFolder(dir: string): Promise<CorpusFolder> {
  const names = await readdir(dir);
  const files = names.filter((n) => n.endsWith(".txt")).sort();
  const facts = new Map<string, IndexFacts>();
  if (names.includes("index.jsonl")) {
    for (const line of (await readFile(join(dir, "index.jsonl"), "utf8")).split("\n")) {
      const entry = line.trim() === "" ? null : factsOf(line);
      if (entry) facts.set(entry[0], entry[1]);
    }
  }
  return { dir, files, facts };
}

/**
 * The folder's cables one at a time, ready for a fidelity tally; `file` is the path as given plus the file name.
 * @example for await (const input of corpusInputs(folder)) tally.add(input)
 */
export async function* corpusInputs(folder: CorpusFolder): AsyncGenerator<FidelityInput> {
  for (const name of folder.files) {
    const text = await readFile(join(folder.dir, name), "utf8");
    yield { file: join(folder.dir, name), text, facts: folder.facts.get(name) ?? null };
  }
}
