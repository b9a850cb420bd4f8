// Declassification review: the exemption codes, what a reviewer decides for each portion, the subject and the TAGS
// of a cable and for the cable as a whole, and the rules a decision must keep. Pure; one vocabulary for the server,
// the CLI and the web app.
import type { Cable, Paragraph } from "./cable.ts";

/** E.O. 13526 section 1.4 categories: the exemptions of information less than 25 years old. */
export const EXEMPTIONS_1_4 = ["1.4(a)", "1.4(b)", "1.4(c)", "1.4(d)", "1.4(e)", "1.4(f)", "1.4(g)", "1.4(h)"] as const;
/** E.O. 13526 section 3.3(b) exemptions from automatic declassification at 25 years. */
export const EXEMPTIONS_25X = ["25X1", "25X2", "25X3", "25X4", "25X5", "25X6", "25X7", "25X8", "25X9"] as const;
/** Exemptions that hold past 50 years: a human source's identity, key design concepts of weapons of mass destruction. */
export const EXEMPTIONS_50X = ["50X1-HUM", "50X2-WMD"] as const;
/** Every exemption code a withheld portion may cite. */
export const EXEMPTIONS = [...EXEMPTIONS_1_4, ...EXEMPTIONS_25X, ...EXEMPTIONS_50X] as const;
export type Exemption = (typeof EXEMPTIONS)[number];

/** Years after which a record is reviewed under the 25X (and 50X) exemptions rather than section 1.4. */
export const AUTOMATIC_DECLASSIFICATION_YEARS = 25;

/** The authority a declassified version cites. */
export const DECLASSIFICATION_AUTHORITY = "E.O. 13526";

/** Type guard for exemption codes. */
export function isExemption(value: string): value is Exemption {
  return (EXEMPTIONS as readonly string[]).includes(value);
}

/** What happens to one portion (paragraph or block), the subject line or one TAGS entry. */
export type PortionDecision =
  | { action: "release" }
  | { action: "withhold"; exemptions: Exemption[] }
  /** Sent to another agency (its equity), withheld until it answers. */
  | { action: "refer"; agency: string };
export const PORTION_ACTIONS = ["release", "withhold", "refer"] as const;

/** The outcomes of a review of one cable. */
export const REVIEW_OUTCOMES = ["release-in-full", "release-in-part", "withhold-in-full", "extend"] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

/** Reviewer's words for each outcome, for pages and the CLI. */
export const REVIEW_OUTCOME_LABEL: Record<ReviewOutcome, string> = {
  "release-in-full": "Released in full",
  "release-in-part": "Released in part",
  "withhold-in-full": "Withheld in full",
  extend: "Classification extended",
};

/**
 * A reviewer's decision on one cable. A release (in full or in part) decides every portion by its index in
 * `cable.paragraphs`, the subject and each TAGS entry (by its index in `cable.tags`). Withholding in full leaves
 * a withdrawal card naming the exemptions; its subject may still be released. Extending sets a new review date.
 */
export type ReviewDecision =
  | {
      outcome: "release-in-full" | "release-in-part";
      portions: PortionDecision[];
      subject: PortionDecision;
      tags: PortionDecision[];
    }
  | { outcome: "withhold-in-full"; exemptions: Exemption[]; subject: PortionDecision }
  | { outcome: "extend"; until: string; reason: string };

/** One thing wrong with a decision, said so that the reviewer can fix it. */
export type ReviewProblem = { field: string; message: string };

/**
 * Whether an exemption may be cited for a cable of `ageYears` at review: section 1.4 below 25 years, 25X and 50X
 * from 25 years on.
 * @example exemptionApplies("1.4(b)", 17) // true
 * @example exemptionApplies("25X1", 17) // false
 */
export function exemptionApplies(code: Exemption, ageYears: number): boolean {
  const old = ageYears >= AUTOMATIC_DECLASSIFICATION_YEARS;
  return (EXEMPTIONS_1_4 as readonly string[]).includes(code) ? !old : old;
}

/**
 * Whole years from a cable's date-time group to the review date; null when the cable has no date.
 * @example ageAtReview("2009-04-21T13:43:00Z", "2026-12-06") // 17
 */
export function ageAtReview(dtg: string | null, reviewDate: string): number | null {
  if (dtg === null) return null;
  const [y1, m1, d1] = dtg.slice(0, 10).split("-").map(Number) as [number, number, number];
  const [y2, m2, d2] = reviewDate.slice(0, 10).split("-").map(Number) as [number, number, number];
  return y2 - y1 - (m2 < m1 || (m2 === m1 && d2 < d1) ? 1 : 0);
}

/**
 * A release decision giving every portion, the subject and every TAGS entry the same action: how "release in
 * full" is one key.
 * @example releaseEverything(cable).outcome // "release-in-full"
 */
export function releaseEverything(cable: Pick<Cable, "paragraphs" | "tags">): ReviewDecision {
  const release = { action: "release" } as const;
  return {
    outcome: "release-in-full",
    portions: cable.paragraphs.map(() => release),
    subject: release,
    tags: cable.tags.map(() => release),
  };
}

/**
 * Whether every marked portion of a cable is unclassified (U or SBU) and none is of another level: the cables a
 * reviewer may release in full with one key, and those `declass review --auto-release-unclassified-portions`
 * proposes. Unmarked blocks (headings) do not count; a cable with no marked portion is not one.
 * @example onlyUnclassifiedPortions({ paragraphs: [{ number: 1, marking: "SBU", text: "" }] }) // true
 */
export function onlyUnclassifiedPortions(cable: Pick<Cable, "paragraphs">): boolean {
  const marked = cable.paragraphs.filter((p) => p.marking !== null);
  return marked.length > 0 && marked.every((p) => /^(U|SBU)\b/.test(p.marking!.toUpperCase()));
}

/**
 * The problems of a decision for a cable reviewed on `reviewDate` (YYYY-MM-DD); empty when it can be recorded.
 * Checks that every portion and TAGS entry is decided, that exemptions fit the cable's age, that the outcome says
 * what the portions do (in full: all released; in part: some withheld or referred), and that an extension is later.
 * @example reviewProblems(cable, releaseEverything(cable), "2026-12-06") // []
 */
export function reviewProblems(
  cable: Pick<Cable, "paragraphs" | "tags" | "dtg">,
  decision: ReviewDecision,
  reviewDate: string,
): ReviewProblem[] {
  const problems: ReviewProblem[] = [];
  const age = ageAtReview(cable.dtg, reviewDate) ?? AUTOMATIC_DECLASSIFICATION_YEARS;
  const checkPortion = (field: string, d: PortionDecision) => {
    if (d.action === "withhold") checkExemptions(field, d.exemptions);
    if (d.action === "refer" && d.agency.trim() === "")
      problems.push({ field, message: "name the agency the portion is referred to" });
  };
  const checkExemptions = (field: string, codes: readonly string[]) => {
    if (codes.length === 0) problems.push({ field, message: "give at least one exemption code" });
    for (const code of codes) {
      if (!isExemption(code)) problems.push({ field, message: `${code} is not an exemption code` });
      else if (!exemptionApplies(code, age)) {
        const which = age >= AUTOMATIC_DECLASSIFICATION_YEARS ? "25X or 50X" : "E.O. 13526 1.4(a)-(h)";
        problems.push({ field, message: `${code} does not apply to a cable ${age} years old: cite ${which}` });
      }
    }
  };
  if (decision.outcome === "extend") {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(decision.until) || decision.until <= reviewDate)
      problems.push({ field: "until", message: `give a new review date after ${reviewDate} (YYYY-MM-DD)` });
    if (decision.reason.trim() === "") problems.push({ field: "reason", message: "give the reason to extend" });
    return problems;
  }
  checkPortion("subject", decision.subject);
  if (decision.outcome === "withhold-in-full") {
    checkExemptions("exemptions", decision.exemptions);
    return problems;
  }
  if (decision.portions.length !== cable.paragraphs.length)
    problems.push({ field: "portions", message: `decide each of the ${cable.paragraphs.length} portions` });
  if (decision.tags.length !== cable.tags.length)
    problems.push({ field: "tags", message: `decide each of the ${cable.tags.length} TAGS entries` });
  decision.portions.forEach((d, i) => checkPortion(`portions.${i}`, d));
  decision.tags.forEach((d, i) => checkPortion(`tags.${i}`, d));
  const all = [...decision.portions, decision.subject, ...decision.tags];
  const held = all.some((d) => d.action !== "release");
  if (decision.outcome === "release-in-full" && held)
    problems.push({ field: "outcome", message: "a release in full releases every portion: use release-in-part" });
  if (decision.outcome === "release-in-part" && !held)
    problems.push({ field: "outcome", message: "nothing is withheld: use release-in-full" });
  return problems;
}

/**
 * How a portion is named on its marker: `Paragraph 4 (C)`, or `Unnumbered portion` for a heading or block.
 * @example portionLabel({ number: 4, marking: "C", text: "" }) // "Paragraph 4 (C)"
 */
export function portionLabel(p: Paragraph): string {
  const mark = p.marking === null ? "" : ` (${p.marking})`;
  return p.number === null ? `Unnumbered portion${mark}` : `Paragraph ${p.number}${mark}`;
}

/**
 * The marker standing in place of what is not released: `[Paragraph 4 (C) withheld: 1.4(b)]`.
 * @example withheldMarker("Subject", { action: "refer", agency: "DOD" }) // "[Subject referred to DOD]"
 */
export function withheldMarker(label: string, d: Exclude<PortionDecision, { action: "release" }>): string {
  return d.action === "withhold"
    ? `[${label} withheld: ${d.exemptions.join(", ")}]`
    : `[${label} referred to ${d.agency}]`;
}

/**
 * Every exemption code a decision cites, in the vocabulary's order, once each.
 * @example exemptionsOf(decision) // ["1.4(b)", "1.4(d)"]
 */
export function exemptionsOf(decision: ReviewDecision): Exemption[] {
  if (decision.outcome === "extend") return [];
  const cited = new Set<string>();
  const add = (d: PortionDecision) => d.action === "withhold" && d.exemptions.forEach((e) => cited.add(e));
  add(decision.subject);
  if (decision.outcome === "withhold-in-full") decision.exemptions.forEach((e) => cited.add(e));
  else [...decision.portions, ...decision.tags].forEach(add);
  return EXEMPTIONS.filter((e) => cited.has(e));
}
