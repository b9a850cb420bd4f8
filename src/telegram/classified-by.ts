// The `Classified By` line and its many forms: title and name, reasons 1.4 (b) and (d), wrapped mid-word.
import type { ClassifiedBy } from "../core/index.ts";
import { execAll } from "./exec-all.ts";
import { collapse } from "./lines.ts";

export const CLASSIFIED_BY_LINE = /^(?:¶?\d{1,2}\.\s*(?:\([A-Z/ ]{1,12}\)\s*)?)?CLASSIFIED\s+BY\s*:?\s*(.*)$/i;

// Words that make up titles and offices, never names. Lower case for comparison.
const TITLE_WORDS = new Set(
  (
    "ambassador amb amb. cda charge d'affaires chargé a.i. ai dcm deputy chief of mission political economic econ pol " +
    "counselor counsellor minister consul general consulate principal officer secretary assistant a/s das das/ " +
    "acting director office bureau senior advisor adviser special envoy coordinator under u/s s/ ia for and the " +
    "poloff econoff pol/econ section head regional affairs management public diplomacy defense attache " +
    "mission affairs legal legat chief deputy-chief staff usun usnato useu representative rep permanent " +
    "ops operations ecopol polecon pol-econ pol/mil polmil p/e e/p pe ep embassy post desk officer country"
  ).split(/\s+/),
);

/**
 * Reads the text after `Classified By:` (lines joined) into name, title and reasons.
 * @example readClassifiedBy("IO A/S Esther Brimmer for reason 1.4(b).")
 * // { name: "Esther Brimmer", title: "IO A/S", reasons: ["1.4(b)"] }
 * @example readClassifiedBy("AMBASSADOR TOM MCDONALD FOR REASONS 1.5 (B) AND (D).")
 * // { name: "TOM MCDONALD", title: "AMBASSADOR", reasons: ["1.5(b)", "1.5(d)"] }
 */
export function readClassifiedBy(text: string): ClassifiedBy {
  // Wrapping splits words ("for Reaso ns 1.4", "r eason"); rejoin the one that matters before looking for it. A label
  // written twice (`Classified By: Classified by ...`) is read once.
  const line = collapse(text)
    .replace(LABEL_AGAIN, "")
    .replace(SPLIT_REASON, (m) => m.replace(/\s+/g, ""));
  const cut =
    /[\s,;.]*(?:\bfor\b\s*|\bunder\b\s*)?(?:\breasons?\b|\bsection\b(?=\s*1\s*[.:/]?\s*[4-6]))\s*:?\s*|[\s,;]+(?=\b1\.[45]\s*\(?[a-h]\b)/i.exec(
      line,
    );
  const who = (cut ? line.slice(0, cut.index) : line).replace(/[\s,;.]+$/, "");
  const reasonText = cut ? line.slice(cut.index + cut[0].length) : "";
  const { name, title } = splitTitleAndName(who);
  return { name, title, reasons: readReasons(reasonText) };
}

const LABEL_AGAIN = /^(?:classified\s+by\s*:?\s*)+/i;
const SPLIT_REASON = /\br ?e ?a ?s ?o ?n(?: ?s)?\b/gi;
// `1 .4`, `1. 4`, `1.4.`, `1:4`, `1/4` and `14` before a reason letter: the section number as wrapping and typing left it.
const SECTION_NUMBER = /\b1\s*[.:/]?\s*\.?\s*([4-6])\s*\.?(?=\s*\(?\s*[a-hA-H]\b)/g;

/**
 * Reason letters with no section number (`for reasons b, d`, `Reasons (b) and (d)`): section 1.4 of E.O. 12958 as
 * amended, which they cite.
 */
function lettersOnly(text: string): boolean {
  if (text.length > 60) return false;
  const rest = text
    .replace(/\b(?:and|or)\b/gi, " ")
    .replace(/[\s(),&/.:;]+/g, " ")
    .trim();
  return /^[a-h](?: [a-h])*$/i.test(rest);
}

const REASON_LETTER = /\b([a-hA-H])\b/g;

/**
 * Reads classification reasons: `1.4 (b), (d)`, `1.4(b,d)`, `1.5 B AND D`, `1.4 b & d` -> `1.4(b)`, `1.4(d)`.
 * @example readReasons("1.4 (b), (d).") // ["1.4(b)", "1.4(d)"]
 */
export function readReasons(text: string): string[] {
  const reasons: string[] = [];
  const numbered = text.replace(SECTION_NUMBER, "1.$1 ");
  const given = lettersOnly(numbered) ? `1.4 ${numbered}` : numbered;
  const re = /\b(1\.[4-6]|[12]\.\d)\s*((?:[\s(),&/]*(?:\band\b|\bor\b)?[\s(),&/]*\b[a-hA-H]\b)+)/g;
  for (const m of execAll(re, given)) {
    for (const letter of execAll(REASON_LETTER, m[2]!)) {
      const reason = `${m[1]}(${letter[1]!.toLowerCase()})`;
      if (!reasons.includes(reason)) reasons.push(reason);
    }
  }
  return reasons;
}

/**
 * Splits `IO A/S Esther Brimmer` into title `IO A/S` and name `Esther Brimmer`: the name is the run of
 * name-like words at the end (capitalised words and initials that are not title words).
 */
function splitTitleAndName(who: string): { name: string; title: string } {
  if (/^derived\b/i.test(who)) return { name: who, title: "" }; // "Derived from Multiple Sources" names no person
  // `ERIC WONG, CHARGE D'AFFAIRES, A.I.`, `Ambassador Gillian Milovanovic, Embassy Bamako`: the name ends the first
  // part, and titles and offices follow it.
  const nameFirst = /^([^,;]+)[,;]\s*(.+)$/.exec(who);
  if (nameFirst && hasTitleWord(nameFirst[2]!)) {
    const rest = nameFirst[2]!.replace(/[\s,;.]+$/, "");
    if (isNameOnly(nameFirst[1]!)) return { name: nameFirst[1]!.trim(), title: rest };
    const first = trailingName(nameFirst[1]!.trim());
    if (first.name.split(" ").length >= 2 && first.title.length > 0)
      return { name: first.name, title: `${first.title}, ${rest}` };
  }
  return trailingName(who);
}

/** The run of name-like words at the end of `who` (capitalised words and initials that are not title words). */
function trailingName(who: string): { name: string; title: string } {
  const words = who.split(" ").filter((w) => w.length > 0);
  let start = words.length;
  while (start > 0) {
    const w = words[start - 1]!;
    const bare = w.replace(/[,;:]$/, "");
    if (isTitleWord(bare) || !/^[A-Z][A-Za-z'’.-]*$/.test(bare)) break;
    if (words.length - start >= 4) break;
    start--;
  }
  if (start === words.length) return { name: who, title: "" };
  return { name: words.slice(start).join(" "), title: words.slice(0, start).join(" ") };
}

/** `ERIC WONG`, `Clinton Taylor`, `Donna A. Phelan`: two to four capitalised words or initials, none a title's. */
function isNameOnly(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length < 2 || words.length > 4) return false;
  return words.every((w) => /^[A-Z][A-Za-z'’.-]*$/.test(w) && !isTitleWord(w));
}

function hasTitleWord(text: string): boolean {
  return text.split(/[\s,;]+/).some(isTitleWord);
}

/** A title's word, hyphenated ones (`Minister-Counselor`) too. */
function isTitleWord(word: string): boolean {
  const lower = word.toLowerCase();
  return TITLE_WORDS.has(lower) || (lower.includes("-") && lower.split("-").every((part) => TITLE_WORDS.has(part)));
}

/**
 * Writes the line back.
 * @example formatClassifiedBy({ name: "Esther Brimmer", title: "IO A/S", reasons: ["1.4(b)"] })
 * // "Classified By: IO A/S Esther Brimmer for reason 1.4(b)."
 */
export function formatClassifiedBy(c: ClassifiedBy): string {
  const who = [c.title, c.name].filter((s) => s.length > 0).join(" ");
  if (c.reasons.length === 0) return `Classified By: ${who}`;
  const reasons = c.reasons.length === 1 ? `reason ${c.reasons[0]}` : `reasons ${c.reasons.join(" and ")}`;
  return `Classified By: ${who} for ${reasons}.`;
}

// Where the line may stand when it is not on a line of its own: run on from the SUBJECT or REF line, or in a body
// whose paragraphs were joined. Searched only this far into the text, and read only this far past its label.
const RUN_ON_REACH = 8000;
const RUN_ON_LENGTH = 300;
const RUN_ON_LABEL = /\bCLASSIFIED\s+BY\s*:?\s*/i;
// What ends a run-on line: a numbered paragraph, or a portion mark opening a sentence.
const RUN_ON_END =
  /\s(?:¶\s*)?\d{1,2}\s*\.\s*\(|\(\s*(?:U|C|S|SBU|S\/\/NF|C\/\/NF|S\/NF|C\/NF)\s*\)\s+[A-Z][a-z]|\n\s*\n/;

/**
 * The Classified By line where it is run on with other text (`REF: STATE 68532 Classified By: CDA Christopher
 * Henzel for reasons 1.4 (b) and (d) (C) On July 21, ...`), read up to where the body goes on; null when the start
 * of the text has none, or when what follows gives no reasons (then it is prose, not the line).
 * @example findRunOnClassifiedBy("REF: STATE 1 Classified By: CDA Jo Doe for reasons 1.4 (b)\n1. (C) Hi.")
 * // { name: "Jo Doe", title: "CDA", reasons: ["1.4(b)"] }
 */
export function findRunOnClassifiedBy(text: string): ClassifiedBy | null {
  const head = text.slice(0, RUN_ON_REACH);
  const label = RUN_ON_LABEL.exec(head);
  if (!label) return null;
  const after = head.slice(label.index + label[0].length, label.index + label[0].length + RUN_ON_LENGTH);
  const end = RUN_ON_END.exec(after);
  const found = readClassifiedBy((end ? after.slice(0, end.index) : after).replace(/\\\s*$/gm, " "));
  return found.name.length > 0 && found.reasons.length > 0 ? found : null;
}
