// Counts what an import will read, before it reads it, so progress can show a percentage and an ETA.
import { countLines } from "./read-lines.ts";
import { walkPaths } from "./walk-paths.ts";

/**
 * The number of inputs under `paths` as the import counts them: one per telegram file or problem, one per line of
 * each JSON Lines file. A cheap pass (directory entries and newline bytes only, nothing parsed), and as lazy as the
 * import itself.
 * @example await countInputs(["examples"]) // 2
 */
export async function countInputs(paths: readonly string[]): Promise<number> {
  let total = 0;
  for await (const source of walkPaths(paths)) {
    if (source.kind !== "jsonl") total += 1;
    else {
      try {
        total += await countLines(source.path);
      } catch {
        // Unreadable: the import itself reports it, as one input.
        total += 1;
      }
    }
  }
  return total;
}
