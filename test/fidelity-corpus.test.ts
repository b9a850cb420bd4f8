// The fidelity report on both shared corpora, held to issue 18's targets: id and created >= 99.5%, classification
// and TAGS >= 98.5%, every self-consistency share >= 99%. Where the parser does not reach a target yet, the test
// holds the share it has reached as a floor (so it cannot regress) and says so in its name; raise a floor as the
// parser improves, and drop it once the target is met. Skips visibly without ../shared.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readDefaultDirectory } from "../src/services/directory/load-default-directory.ts";
import {
  corpusInputs,
  directoryNames,
  FIDELITY_TARGETS,
  fidelityTally,
  formatFidelity,
  openCorpusFolder,
  share,
  type FidelityReport,
  type FieldFigures,
} from "../src/services/fidelity/index.ts";
import { SHARED_DIR, sharedAvailable } from "./helpers/shared-data.ts";

type Field = keyof typeof FIDELITY_TARGETS;

/** Shares reached where a target is not met yet, by corpus (issue 18). */
const FLOORS: Record<string, Partial<Record<Field, number>>> = {
  cablegate: {},
  "cablegate-2011": {},
};

const FIELDS = Object.keys(FIDELITY_TARGETS) as Field[];

for (const corpus of Object.keys(FLOORS)) {
  const present = sharedAvailable(`corpus/${corpus}/index.jsonl`, `fidelity of ${corpus}`);
  describe.skipIf(!present)(`fidelity report on ../shared/corpus/${corpus}`, () => {
    let report: FidelityReport;
    beforeAll(async () => {
      const tally = fidelityTally(directoryNames(readDefaultDirectory()), 5);
      for await (const input of corpusInputs(await openCorpusFolder(join(SHARED_DIR, "corpus", corpus)))) {
        tally.add(input);
      }
      report = tally.report();
      console.log(formatFidelity(report, corpus).join("\n"));
    });

    it("parses every cable without throwing", () => {
      expect(report.failures).toEqual([]);
    });

    for (const field of FIELDS) {
      const target = FIDELITY_TARGETS[field];
      const floor = FLOORS[corpus]![field];
      const name =
        floor === undefined
          ? `${field} meets the issue 18 target of ${target * 100}%`
          : `${field} stays at or above ${(floor * 100).toFixed(1)}% (issue 18 target ${target * 100}% NOT YET MET)`;
      it(name, () => {
        const figures: FieldFigures =
          field in report.agreement
            ? report.agreement[field as keyof FidelityReport["agreement"]]
            : report.consistency[field as keyof FidelityReport["consistency"]];
        expect(figures.checked).toBeGreaterThan(0);
        expect(share(figures)).toBeGreaterThanOrEqual(floor ?? target);
      });
    }
  });
}
