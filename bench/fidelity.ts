// `npm run bench:fidelity [DIR...]`: how truly the parser reads real cables. Parses each corpus folder (both shared
// corpora by default) and prints, per field, the agreement with index.jsonl and the self-consistency shares against
// the targets, with a sample of each kind of miss, the machine and the throughput. --strict exits 1 when a
// target is not met.
import { performance } from "node:perf_hooks";
import { join } from "node:path";
import { readDefaultDirectory } from "../src/services/directory/load-default-directory.ts";
import {
  corpusInputs,
  directoryNames,
  fidelityTally,
  formatFidelity,
  meetsTargets,
  openCorpusFolder,
} from "../src/services/fidelity/index.ts";
import { SHARED_DIR, sharedAvailable } from "../test/helpers/shared-data.ts";
import { describeMachine } from "./machine.ts";

const DEFAULT_CORPORA = ["corpus/cablegate", "corpus/cablegate-2011"];

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  const dirs =
    args.length > 0
      ? args
      : DEFAULT_CORPORA.filter((c) => sharedAvailable(`${c}/index.jsonl`, "bench:fidelity")).map((c) =>
          join(SHARED_DIR, c),
        );
  if (dirs.length === 0) return 2;
  const known = directoryNames(readDefaultDirectory());
  console.log(`machine ${describeMachine()}`);
  let allMet = true;
  for (const dir of dirs) {
    const folder = await openCorpusFolder(dir);
    const tally = fidelityTally(known);
    const inputs = [];
    for await (const input of corpusInputs(folder)) inputs.push(input);
    const started = performance.now();
    for (const input of inputs) tally.add(input);
    const seconds = (performance.now() - started) / 1000;
    const report = tally.report();
    console.log("");
    console.log(formatFidelity(report, dir).join("\n"));
    const mb = report.bytes / 1024 / 1024;
    console.log(
      `throughput (parse and check) ${(mb / seconds).toFixed(1)} MB/s, ${report.cables} cables in ${seconds.toFixed(2)} s`,
    );
    const met = meetsTargets(report);
    console.log(`targets: ${met ? "all met" : "NOT all met"}`);
    allMet &&= met;
  }
  return allMet || !process.argv.includes("--strict") ? 0 : 1;
}

process.exitCode = await main();
