// The fidelity report's arithmetic: cables are added one at a time (so a collection of any size streams through),
// and the tally keeps, per field, how many were compared, agreed or excused, with a sample of the misses.
import type { Cable } from "../../core/index.ts";
import { parseTelegram } from "../../telegram/index.ts";
import { errorMessage } from "../errors.ts";
import type { AddresseeCheck } from "./directory-names.ts";
import { AGREEMENT_FIELDS, compareWithIndex, hasDateTimeGroup, type IndexFacts } from "./index-agreement.ts";
import { excusedWithEvidence, indexErrorRule, type AgreementField } from "./index-errata.ts";
import { CONSISTENCY_FIELDS, consistencyChecks, type ConsistencyField } from "./self-consistency.ts";

/** A miss to show: the file, the 1-based line to look at (0 when none), what was expected and what was found. */
export type FidelityMiss = { file: string; line: number; expected: string; found: string };

/**
 * One field's figures. `excused` counts index errors set aside with their evidence (agreement fields), or texts that
 * hold nothing to check (self-consistency fields), by reason in `setAside` with the first file of each as evidence;
 * `excusedBy` says how many each general rule excused (by the rule's words; cables listed one by one are not in it).
 */
export type FieldFigures = {
  checked: number;
  ok: number;
  excused: number;
  excusedBy?: Record<string, number>;
  misses: number;
  sample: FidelityMiss[];
  setAside?: Record<string, { count: number; first: string }>;
};

export type FidelityReport = {
  cables: number;
  bytes: number;
  /** Texts the parser threw on: never expected; each is a miss of every field. */
  failures: FidelityMiss[];
  agreement: Record<AgreementField, FieldFigures>;
  consistency: Record<ConsistencyField, FieldFigures>;
};

/** The targets: the share each field must reach. */
export const FIDELITY_TARGETS: Record<AgreementField | ConsistencyField, number> = {
  id: 0.995,
  dtg: 0.995,
  classification: 0.985,
  tags: 0.985,
  classifiedBy: 0.99,
  references: 0.99,
  subject: 0.99,
  signer: 0.99,
  addressees: 0.99,
};

/** A cable to add: its file name (as shown in the misses), its text, and the index's line when there is one. */
export type FidelityInput = { file: string; text: string; facts?: IndexFacts | null };

export type FidelityTally = { add(input: FidelityInput): void; report(): FidelityReport };

const DEFAULT_SAMPLE = 10;

function emptyFigures(): FieldFigures {
  return { checked: 0, ok: 0, excused: 0, misses: 0, sample: [] };
}

/**
 * The share of a field's checks that passed; 1 when nothing was checked.
 * @example share({ checked: 200, ok: 199, excused: 0, misses: 1, sample: [] }) // 0.995
 */
export function share(figures: Pick<FieldFigures, "checked" | "ok">): number {
  return figures.checked === 0 ? 1 : figures.ok / figures.checked;
}

/**
 * Starts a fidelity tally: `add` parses one cable (with the index's year as a hint when its text has no date-time
 * group, as an import would) and counts it; `report` gives the figures so far. `known` says which addressees the
 * directory resolves; `sampleSize` bounds the misses kept per field.
 * @example const t = fidelityTally(directoryNames(readDefaultDirectory())); t.add({ file, text, facts }); t.report().agreement.id.ok // 1
 */
export function fidelityTally(known: AddresseeCheck, sampleSize = DEFAULT_SAMPLE): FidelityTally {
  const report: FidelityReport = {
    cables: 0,
    bytes: 0,
    failures: [],
    agreement: Object.fromEntries(AGREEMENT_FIELDS.map((f) => [f, emptyFigures()])) as FidelityReport["agreement"],
    consistency: Object.fromEntries(
      CONSISTENCY_FIELDS.map((f) => [f, emptyFigures()]),
    ) as FidelityReport["consistency"],
  };
  const count = (figures: FieldFigures, ok: boolean, miss: () => FidelityMiss) => {
    figures.checked += 1;
    if (ok) figures.ok += 1;
    else {
      figures.misses += 1;
      if (figures.sample.length < sampleSize) figures.sample.push(miss());
    }
  };

  return {
    add({ file, text, facts }) {
      report.cables += 1;
      report.bytes += Buffer.byteLength(text, "utf8");
      const year = facts && !hasDateTimeGroup(text) ? Number(facts.created.slice(0, 4)) : undefined;
      let cable: Cable;
      try {
        cable = parseTelegram(text, year === undefined || !Number.isInteger(year) ? {} : { year });
      } catch (error) {
        const miss = { file, line: 0, expected: "a cable", found: `the parser threw: ${errorMessage(error)}` };
        report.failures.push(miss);
        for (const figures of Object.values(report.agreement)) count(figures, false, () => miss);
        return;
      }
      if (facts) {
        for (const field of AGREEMENT_FIELDS) {
          const comparison = compareWithIndex(field, facts, cable, text);
          if (comparison === null) continue;
          const figures = report.agreement[field];
          const listed = !comparison.agree && excusedWithEvidence(facts.id, field, text);
          const rule =
            comparison.agree || listed ? null : indexErrorRule(field, comparison.expected, comparison.actual, text);
          if (listed || rule !== null) {
            figures.excused += 1;
            if (rule !== null) {
              figures.excusedBy ??= {};
              figures.excusedBy[rule.why] = (figures.excusedBy[rule.why] ?? 0) + 1;
            }
            continue;
          }
          count(figures, comparison.agree, () => ({
            file,
            line: 0,
            expected: comparison.expected,
            found: comparison.actual,
          }));
        }
      }
      const checks = consistencyChecks(cable, text, known);
      for (const field of CONSISTENCY_FIELDS) {
        for (const check of checks[field]) {
          if (check.setAside !== undefined) {
            const figures = report.consistency[field];
            figures.excused += 1;
            const reasons = (figures.setAside ??= {});
            const seen = (reasons[check.setAside] ??= { count: 0, first: `${file}:${check.line}` });
            seen.count += 1;
            continue;
          }
          count(report.consistency[field], check.ok, () => ({
            file,
            line: check.line,
            expected: "",
            found: check.found,
          }));
        }
      }
    },
    report: () => report,
  };
}
