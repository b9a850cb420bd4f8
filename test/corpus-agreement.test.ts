// parseTelegram against the publisher's metadata: id, date-time group, classification and TAGS of 1,295 real cables.
// Each field must agree with index.jsonl on at least 99.5% of the cables; the report names the cables that do not.
import { beforeAll, describe, expect, it } from "vitest";
import type { Cable } from "../src/core/index.ts";
import { parseTelegram } from "../src/telegram/index.ts";
import { compareWithIndex, hasDateTimeGroup } from "../src/services/fidelity/index-agreement.ts";
import { errataHolds, INDEX_ERRATA, isExcused, type AgreementField } from "../src/services/fidelity/index-errata.ts";
import { type CorpusCable, type CorpusIndexEntry, readCorpus, sharedAvailable } from "./helpers/shared-data.ts";

const REQUIRED_AGREEMENT = 0.995;
const SHOWN_DISAGREEMENTS = 20;

type Comparison = { id: string; expected: string; actual: string; agree: boolean };
type Tally = { field: AgreementField; compared: number; agreed: number; excused: number; misses: Comparison[] };

type Parsed = { cable: CorpusCable; parsed: Cable | null; error: string | null };

/**
 * Cables without a date-time group (82 partial extracts) do not carry their year, so they get the index year as a
 * hint: the parser must still find station and serial itself. No cable gets an id hint.
 */
function parseCorpusCable(cable: CorpusCable): Parsed {
  try {
    const options = hasDateTimeGroup(cable.text) ? {} : { year: Number(cable.entry.created.slice(0, 4)) };
    return { cable, parsed: parseTelegram(cable.text, options), error: null };
  } catch (error) {
    return { cable, parsed: null, error: `threw ${String(error)}` };
  }
}

/** One field against the index, as the fidelity report compares it; a parse that threw disagrees on every field. */
function compare(field: AgreementField, { cable, parsed, error }: Parsed): Comparison | null {
  const entry: CorpusIndexEntry = cable.entry;
  if (parsed === null) {
    if (field === "tags" && entry.tags.length === 0) return null;
    return { id: entry.id, expected: `the index's ${field}`, actual: error ?? "no parse", agree: false };
  }
  const comparison = compareWithIndex(field, entry, parsed, cable.text);
  return comparison && { id: entry.id, ...comparison };
}

function tally(field: AgreementField, all: readonly Parsed[]): Tally {
  const result: Tally = { field, compared: 0, agreed: 0, excused: 0, misses: [] };
  for (const one of all) {
    const comparison = compare(field, one);
    if (comparison === null) continue;
    if (isExcused(comparison.id, field)) {
      result.excused += 1;
      continue;
    }
    result.compared += 1;
    if (comparison.agree) result.agreed += 1;
    else result.misses.push(comparison);
  }
  return result;
}

function rate(t: Tally): number {
  return t.compared === 0 ? 0 : t.agreed / t.compared;
}

function summary(t: Tally): string {
  const percent = (rate(t) * 100).toFixed(2);
  return `${t.field}: ${percent}% (${t.agreed}/${t.compared} agree, ${t.misses.length} disagree, ${t.excused} excused by src/services/fidelity/index-errata.ts)`;
}

function report(t: Tally): string {
  const shown = t.misses
    .slice(0, SHOWN_DISAGREEMENTS)
    .map((m) => `  ${m.id}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.actual)}`);
  const more = t.misses.length > SHOWN_DISAGREEMENTS ? [`  ... and ${t.misses.length - SHOWN_DISAGREEMENTS} more`] : [];
  return [summary(t), ...shown, ...more].join("\n");
}

const corpusPresent = sharedAvailable("corpus/cablegate/index.jsonl", "corpus agreement tests");

describe.skipIf(!corpusPresent)("parseTelegram agrees with the corpus index (../shared/corpus/cablegate)", () => {
  let corpus: CorpusCable[];
  let parsed: Parsed[];
  beforeAll(() => {
    corpus = readCorpus();
    parsed = corpus.map(parseCorpusCable);
  });

  it("reads all 1,295 cables of the corpus", () => {
    expect(corpus).toHaveLength(1295);
  });

  it("has evidence in the text for every index erratum it excuses", () => {
    const byId = new Map(corpus.map((c) => [c.entry.id, c.text]));
    const unsupported = INDEX_ERRATA.filter((e) => !errataHolds(e, byId.get(e.id) ?? "")).map((e) => e.id);
    expect(unsupported).toEqual([]);
  });

  it.each<AgreementField>(["id", "dtg", "classification", "tags"])(
    "agrees on %s for at least 99.5% of the cables",
    (field) => {
      const t = tally(field, parsed);
      console.log(`corpus agreement ${report(t)}`);
      expect(rate(t), report(t)).toBeGreaterThanOrEqual(REQUIRED_AGREEMENT);
    },
  );
});
