// `cablegram fidelity DIR... [--json] [--sample N]`: how truly the parser reads corpus folders, field by field,
// against each folder's index.jsonl and against the cables' own text, with a sample of each kind of miss.
import cliProgress from "cli-progress";
import type { Command } from "commander";
import { readDefaultDirectory } from "../../services/directory/load-default-directory.ts";
import {
  corpusInputs,
  directoryNames,
  fidelityTally,
  formatFidelity,
  meetsTargets,
  openCorpusFolder,
  type FidelityReport,
} from "../../services/fidelity/index.ts";
import { InputError, reportInputError } from "../input-error.ts";
import type { ExitCode, Io } from "../io.ts";
import type { CommandModule } from "../main.ts";

const EXAMPLES = `
Each DIR is a folder of telegram .txt files, with an index.jsonl (id, created, classification, tags) when the
agreement with the publisher is to be measured. Known index errors are excused only while their evidence is in the
text. Prints per field the share and the target; with --json, one object a folder.

Exit codes: 0 every target met, 1 a target not met, 2 bad input (a missing folder, a bad option).

Examples:
  $ cablegram fidelity ../shared/corpus/cablegate ../shared/corpus/cablegate-2011
  $ cablegram fidelity ./cables --json --sample 50 > fidelity.json`;

type FidelityFlags = { json?: boolean; sample?: string };

/** Registers `fidelity`. */
export const fidelityCommand: CommandModule = (program: Command, io: Io, done: (code: ExitCode) => void) => {
  program
    .command("fidelity")
    .description("Measure how truly the parser reads corpus folders (against index.jsonl and the text itself).")
    .argument("<dirs...>", "corpus folders of .txt telegrams, each with an optional index.jsonl")
    .option("--json", "print the report as JSON, one object a folder")
    .option("--sample <n>", "misses kept per field", "10")
    .addHelpText("after", EXAMPLES)
    .action(async (dirs: string[], flags: FidelityFlags) => done(await runFidelity(dirs, flags, io)));
};

/**
 * Runs `fidelity` over folders: a progress bar on a terminal, then the report of each folder.
 * @example await runFidelity(["../shared/corpus/cablegate"], {}, io) // 1 while a target is not met
 */
export async function runFidelity(dirs: string[], flags: FidelityFlags, io: Io): Promise<ExitCode> {
  try {
    const sample = Number(flags.sample ?? "10");
    if (!Number.isInteger(sample) || sample < 0) {
      throw new InputError(
        "OPTION_INVALID",
        "--sample",
        `not a count: ${flags.sample}`,
        "give a whole number, e.g. 20",
      );
    }
    const known = directoryNames(readDefaultDirectory());
    const reports: { dir: string; report: FidelityReport }[] = [];
    for (const dir of dirs) {
      let folder;
      try {
        folder = await openCorpusFolder(dir);
      } catch {
        throw new InputError("INPUT_NOT_FOUND", dir, "not a readable folder", "give a folder of .txt telegrams");
      }
      const tally = fidelityTally(known, sample);
      const bar = io.interactive
        ? new cliProgress.SingleBar(
            { stream: process.stderr, format: `fidelity ${dir} [{bar}] {value}/{total} ETA {eta_formatted}` },
            cliProgress.Presets.shades_classic,
          )
        : null;
      bar?.start(folder.files.length, 0);
      for await (const input of corpusInputs(folder)) {
        tally.add(input);
        bar?.increment();
      }
      bar?.stop();
      reports.push({ dir, report: tally.report() });
    }
    for (const { dir, report } of reports) {
      io.stdout(
        flags.json
          ? JSON.stringify({ dir, met: meetsTargets(report), ...report })
          : formatFidelity(report, dir).join("\n"),
      );
    }
    return reports.every((r) => meetsTargets(r.report)) ? 0 : 1;
  } catch (error) {
    return reportInputError(io, "fidelity", error);
  }
}
