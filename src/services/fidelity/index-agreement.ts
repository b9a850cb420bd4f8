// One cable's parsed fields against what the publisher's index.jsonl says of it: id, date-time group (to the hour),
// classification and TAGS, in the index's own terms. The rules the corpus agreement test has always used.
import type { Cable } from "../../core/index.ts";
import type { AgreementField } from "./index-errata.ts";

/** The fields of an index.jsonl line the report compares. */
export type IndexFacts = { id: string; created: string; classification: string; tags: readonly string[] };

/** One comparison: what the index says, what the parser found, and whether they agree. */
export type Comparison = { expected: string; actual: string; agree: boolean };

export const AGREEMENT_FIELDS: readonly AgreementField[] = ["id", "dtg", "classification", "tags"];

/** A date-time group line (`O 162319Z FEB 08`, or a partial extract's `291359Z Nov 00`). */
const DTG_LINE = /^\s*(?:[ZOPR]\s+){0,2}\d{6}Z\s+[A-Za-z]{3}\s+\d{2}\b/m;

/**
 * Whether the text carries a date-time group; without one, the parser needs the year as a hint.
 * @example hasDateTimeGroup("O 162319Z FEB 08\nFM SECSTATE WASHDC") // true
 */
export function hasDateTimeGroup(text: string): boolean {
  return DTG_LINE.test(text);
}

/**
 * The index's classification as the cable's fields give it: level, `//NOFORN`, or FOUO for UNCLASSIFIED SENSITIVE.
 * @example indexClassificationOf({ classification: "SECRET", caveats: ["NOFORN"] }) // "SECRET//NOFORN"
 */
export function indexClassificationOf(cable: Pick<Cable, "classification" | "caveats">): string {
  const level = cable.classification ?? "null";
  if (cable.caveats.includes("NOFORN")) return `${level}//NOFORN`;
  // `DEA SENSITIVE` (10MOSCOW293) is SBU too.
  const sensitive = cable.caveats.some((c) => /\bSENSITIVE\b/.test(c));
  if (level === "UNCLASSIFIED" && sensitive) return `${level}//FOR OFFICIAL USE ONLY`;
  return level;
}

/**
 * TAGS codes in order, deduplicated, without person-tag parentheses: `OVIP (CLINTON, HILLARY)` counts as OVIP.
 * @example tagCodes(["PREL", "OVIP (CLINTON, HILLARY)", "PREL"]) // ["PREL", "OVIP"]
 */
export function tagCodes(tags: readonly string[]): string[] {
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
 * (07BOGOTA8306: `... FR UY` / `VE, CO`), so ours may go on past the index's codes, with codes that the text has on
 * the lines after a TAGS line. The viewer also split hyphenated tags (`ZANU-PF` indexed as `ZANU`, `PF`): a
 * hyphenated code of ours counts as its parts when the text writes it with the hyphen.
 */
function tagsAgree(indexTags: readonly string[], ours: readonly string[], text: string): boolean {
  const hyphenated = ours.some((code) => code.includes("-") && text.includes(code));
  const split = [...new Set(ours.flatMap((code) => (code.includes("-") ? code.split("-") : [code])))];
  for (const candidate of hyphenated ? [ours, split] : [ours]) {
    if (asSet(indexTags) === asSet(candidate)) return true;
    if (asSet(candidate.slice(0, indexTags.length)) !== asSet(indexTags)) continue;
    const neighbourhood = tagsNeighbourhood(text);
    const escaped = (code: string) => code.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const rest = candidate.slice(indexTags.length);
    if (rest.every((code) => new RegExp(`\\b${escaped(code)}\\b`).test(neighbourhood))) return true;
  }
  return false;
}

/**
 * One field of a parsed cable against the index; null when the index has nothing to compare (an empty tags list).
 * A text without a date-time group may leave the date null.
 * @example compareWithIndex("id", facts, cable, text) // { expected: "08STATE16245", actual: "08STATE16245", agree: true }
 */
export function compareWithIndex(
  field: AgreementField,
  facts: IndexFacts,
  cable: Cable,
  text: string,
): Comparison | null {
  const agreeing = (expected: string, actual: string): Comparison => ({ expected, actual, agree: expected === actual });
  switch (field) {
    case "id":
      return agreeing(facts.id, String(cable.id));
    case "dtg": {
      const expected = facts.created.slice(0, 13);
      const actual = cable.dtg ? cable.dtg.slice(0, 13) : "null";
      if (actual === "null" && !hasDateTimeGroup(text)) return { expected: `${expected} or null`, actual, agree: true };
      return agreeing(expected, actual);
    }
    case "classification":
      return agreeing(facts.classification, indexClassificationOf(cable));
    case "tags": {
      if (facts.tags.length === 0) return null;
      const ours = tagCodes(cable.tags);
      return { expected: facts.tags.join(" "), actual: ours.join(" "), agree: tagsAgree(facts.tags, ours, text) };
    }
  }
}
