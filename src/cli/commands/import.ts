// `cablegram import PATH...`: bulk import of telegrams, folders, JSON Lines and corpus folders into the archive.
import { access } from "node:fs/promises";
import type { Command } from "commander";
import { importPaths } from "../../services/import/index.ts";
import { importDisplay, summaryLines } from "../import-progress.ts";
import type { ExitCode, Io } from "../io.ts";
import type { CommandModule } from "../main.ts";
import { runWithStore } from "../run-with-store.ts";

const EXAMPLES = `
Accepts telegram files (.txt), folders (walked recursively; .txt and .jsonl inside), JSON Lines (.jsonl: one
Cable JSON per line as \`cablegram parse --batch\` prints, or {"text": ..., "id"?: ...}), and corpus folders
(their index.jsonl gives each file's canonical id). Importing twice adds nothing. Inputs that are not cables
are reported with their path and reason and skipped; the rest goes in.

The archive is $CABLEGRAM_DATA_DIR/cablegram.db (default ./data), or PostgreSQL when DATABASE_URL is set.

Exit codes: 0 all imported or already present, 1 some inputs skipped, 2 the import could not run.

Examples:
  $ cablegram import examples/08STATE16245.txt
  $ cablegram import ../shared/corpus/cablegate
  $ cablegram parse --batch < lines.jsonl > cables.jsonl && cablegram import cables.jsonl`;

/** Registers `import`. */
export const importCommand: CommandModule = (program: Command, io: Io, done: (code: ExitCode) => void) => {
  program
    .command("import")
    .description("Import telegrams, folders, JSON Lines and corpus folders into the archive.")
    .argument("<paths...>", "telegram files, folders, .jsonl files")
    .option("--batch-size <n>", "cables per transaction at most (fewer when their texts are long)", "2000")
    .addHelpText("after", EXAMPLES)
    .action(async (paths: string[], options: { batchSize: string }) => done(await runImport(paths, options, io)));
};

/**
 * Runs an import and prints its summary on stdout; progress and problems go to stderr.
 * @example await runImport(["examples"], { batchSize: "2000" }, io) // 0, after "Imported 2 new cables, ..."
 */
export async function runImport(paths: string[], options: { batchSize: string }, io: Io): Promise<ExitCode> {
  const batchSize = Number(options.batchSize);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) {
    io.stderr(`cablegram import: --batch-size must be a whole number from 1 to 100000, not "${options.batchSize}"`);
    return 2;
  }
  for (const path of paths) {
    try {
      await access(path);
    } catch {
      io.stderr(`cablegram import: ${path}: no such file or directory`);
      return 2;
    }
  }
  return runWithStore(io, "import", async (store) => {
    const display = importDisplay(io, "import");
    const summary = await importPaths(store, paths, { ...display, batchSize }).finally(() => display.stop());
    for (const line of summaryLines(summary)) io.stdout(line);
    return summary.failed > 0 ? 1 : 0;
  });
}
