// parseTelegram against the publisher's metadata: id, date-time group, classification and TAGS of 1,295 real cables.
// Each field must agree with index.jsonl on at least 99.5% of the cables; the report names the cables that do not.
import { beforeAll, describe, expect, it } from "vitest";
import type { Cable } from "../src/core/index.ts";
import { parseTelegram } from "../src/telegram/index.ts";
import { errataHolds, INDEX_ERRATA, isExcused, type AgreementField } from "../src/services/fidelity/index-errata.ts";
import { type CorpusCable, type CorpusIndexEntry, readCorpus, sharedAvailable } from "./helpers/shared-data.ts";

const REQUIRED_AGREEMENT = 0.995;
const SHOWN_DISAGREEMENTS = 20;

/** A date-time group line (`O 162319Z FEB 08`, or a partial extract's `291359Z Nov 00`). */
const DTG_LINE = /^\s*(?:[ZOPR]\s+){0,2}\d{6}Z\s+[A-Za-z]{3}\s+\d{2}\b/m;

type Comparison = { id: string; expected: string; actual: string; agree: boolean };
type Tally = { field: AgreementField; compared: number; agreed: number; excused: number; misses: Comparison[] };

type Parsed = { cable: CorpusCable; parsed: Cable | null; error: string | null; hasDtg: boolean };

/**
 * Cables without a date-time group (82 partial extracts) do not carry their year, so they get the index year as a
 * hint: the parser must still find station and serial itself. No cable gets an id hint.
 */
function parseCorpusCable(cable: CorpusCable): Parsed {
  const hasDtg = DTG_LINE.test(cable.text);
  try {
    const options = hasDtg ? {} : { year: Number(cable.entry.created.slice(0, 4)) };
    return { cable, parsed: parseTelegram(cable.text, options), error: null, hasDtg };
  } catch (error) {
    return { cable, parsed: null, error: `threw ${String(error)}`, hasDtg };
  }
}

/** The index's classification as our fields give it: level, `//NOFORN`, or FOUO for an UNCLASSIFIED SENSITIVE cable. */
function indexClassificationOf(cable: Cable): string {
  const level = cable.classification ?? "null";
  if (cable.caveats.includes("NOFORN")) return `${level}//NOFORN`;
  // `DEA SENSITIVE` (10MOSCOW293) is SBU too.
  const sensitive = cable.caveats.some((c) => /\bSENSITIVE\b/.test(c));
  if (level === "UNCLASSIFIED" && sensitive) return `${level}//FOR OFFICIAL USE ONLY`;
  return level;
}

/** TAGS codes in order, deduplicated, ignoring person-tag parentheses: `OVIP (CLINTON, HILLARY)` counts as OVIP. */
function tagCodes(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.replace(/\s*\(.*$/, "").trim()))];
}

function asSet(codes: readonly string[]): string {
  return [...codes].sort().join(" ");
}

/** Each TAGS line of the text with the two lines after it, upper case: where wrapped codes continue. */
function tagsNeighbourhood(text: string): string {
  const lines = text.toUpperCase().split("\n");
  return lines.flatMap((line, i) => (/\bTAGS\b/.test(line) ? lines.slice(i, i + 3) : [])).join("\n");
}

/**
 * Whether our TAGS agree with the index's. The viewer linked only the first line of a wrapped TAGS line
 * (07BOGOTA8306: `... FR UY` / `VE, CO`), so ours may go on past the index's codes, with codes that the text
 * has on the lines after a TAGS line.
 */
function tagsAgree(indexTags: readonly string[], ours: readonly string[], text: string): boolean {
  if (asSet(indexTags) === asSet(ours)) return true;
  if (asSet(ours.slice(0, indexTags.length)) !== asSet(indexTags)) return false;
  const neighbourhood = tagsNeighbourhood(text);
  const escaped = (code: string) => code.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return ours.slice(indexTags.length).every((code) => new RegExp(`\\b${escaped(code)}\\b`).test(neighbourhood));
}

/** The fields compared for one cable, or none when the index has nothing to compare (tags). */
function compare(field: AgreementField, { cable, parsed, error, hasDtg }: Parsed): Comparison | null {
  const entry: CorpusIndexEntry = cable.entry;
  const id = entry.id;
  const agreeing = (expected: string, actual: string): Comparison => ({
    id,
    expected,
    actual,
    agree: expected === actual,
  });
  switch (field) {
    case "id":
      return agreeing(entry.id, error ?? String(parsed?.id ?? null));
    case "dtg": {
      const expected = entry.created.slice(0, 13);
      const actual = error ?? (parsed?.dtg ? parsed.dtg.slice(0, 13) : "null");
      // Without a date-time group in the text, a null dtg is right and an invented one must still be right.
      if (!hasDtg && actual === "null") return { id, expected: `${expected} or null`, actual, agree: true };
      return agreeing(expected, actual);
    }
    case "classification":
      return agreeing(entry.classification, error ?? (parsed ? indexClassificationOf(parsed) : "null"));
    case "tags": {
      if (entry.tags.length === 0) return null;
      const ours = parsed ? tagCodes(parsed.tags) : [];
      const actual = error ?? ours.join(" ");
      return { id, expected: entry.tags.join(" "), actual, agree: !error && tagsAgree(entry.tags, ours, cable.text) };
    }
  }
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
