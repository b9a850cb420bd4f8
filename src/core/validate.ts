// The rules a cable must follow before release, and that archive imports are checked against: classification
// markings, declassification, TAGS, addressees. Pure: a cable in, findings out.
import { CableSchema, type Addressee, type Cable } from "./cable.ts";
import { makeIssue, type CableIssue, type CableIssueDetail } from "./cable-issue.ts";
import { classificationRank, parsePortionMark, type Classification } from "./classification.ts";
import { isDeclassificationInstruction } from "./declassification.ts";
import { PRECEDENCES, precedenceRank, transmissionPrecedenceOf, type Precedence } from "./precedence.ts";
import { classifyTag } from "./tags.ts";

export type ValidationResult = { issues: CableIssue[] };

/**
 * True for levels that E.O. 12958 governs (CONFIDENTIAL and above): they need Classified By, a declassification
 * instruction and portion marks. LIMITED OFFICIAL USE is an administrative control, not a classification.
 * @example isClassified("CONFIDENTIAL") // true
 * @example isClassified("LIMITED OFFICIAL USE") // false
 */
export function isClassified(c: Classification): boolean {
  return classificationRank(c) >= classificationRank("CONFIDENTIAL");
}

type Rule = (cable: Cable) => CableIssueDetail[];

const classificationRules: Rule = (cable) => {
  const overall = cable.classification;
  if (overall === null) return [{ code: "missing_classification", path: ["classification"] }];
  if (!isClassified(overall)) return [];
  const found: CableIssueDetail[] = [];
  if (cable.classifiedBy === null) {
    found.push({ code: "missing_classified_by", path: ["classifiedBy"], classification: overall });
  }
  const eo = cable.eo;
  if (eo === null || (eo.decl === null && !isDeclassificationInstruction(eo.text))) {
    found.push({ code: "missing_declassification", path: ["eo"], classification: overall, eoText: eo?.text ?? null });
  }
  return found;
};

const declassificationDate: Rule = (cable) => {
  const decl = cable.eo?.decl;
  const released = cable.dtg?.slice(0, 10);
  if (!decl || !released || decl >= released) return [];
  return [{ code: "decl_before_release", path: ["eo", "decl"], decl, released }];
};

const portionMarks: Rule = (cable) => {
  const overall = cable.classification;
  const found: CableIssueDetail[] = [];
  cable.paragraphs.forEach((p, i) => {
    if (p.marking === null) {
      // Headings (number null) carry no mark; numbered paragraphs of a classified cable must.
      if (p.number !== null && overall !== null && isClassified(overall)) {
        found.push({ code: "missing_portion_mark", path: ["paragraphs", i], paragraph: p.number, overall });
      }
      return;
    }
    const path: ["paragraphs", number, "marking"] = ["paragraphs", i, "marking"];
    const mark = parsePortionMark(p.marking);
    if (mark === null) {
      found.push({ code: "unknown_portion_mark", path, paragraph: p.number, marking: p.marking });
    } else if (overall !== null && classificationRank(mark.level) > classificationRank(overall)) {
      found.push({
        code: "portion_above_overall",
        path,
        paragraph: p.number,
        marking: p.marking,
        portion: mark.level,
        overall,
      });
    }
  });
  return found;
};

const tagRules: Rule = (cable) => {
  const kinds = cable.tags.map(classifyTag);
  const found: CableIssueDetail[] = [];
  // Program tags (KDEM) are topical too; a cable tagged KNNP and IR has a subject.
  if (!kinds.some((k) => k === "subject" || k === "program")) {
    found.push({ code: "missing_tags", path: ["tags"], kind: "subject" });
  }
  if (!kinds.some((k) => k === "country" || k === "organization")) {
    found.push({ code: "missing_tags", path: ["tags"], kind: "country" });
  }
  kinds.forEach((kind, i) => {
    if (kind === "unknown") found.push({ code: "unknown_tag", path: ["tags", i], tag: cable.tags[i]! });
  });
  return found;
};

const subjectRule: Rule = (cable) =>
  cable.subject === null || cable.subject.trim() === "" ? [{ code: "missing_subject", path: ["subject"] }] : [];

// The Department's rule: a cable released or archived says something. A draft is saved with these errors all the same.
const textRule: Rule = (cable) => {
  if (cable.paragraphs.length === 0) {
    return cable.body.trim() === "" ? [{ code: "missing_text", path: ["paragraphs"] }] : [];
  }
  return cable.paragraphs.flatMap((p, i): CableIssueDetail[] =>
    p.text.trim() === "" ? [{ code: "empty_paragraph", path: ["paragraphs", i], paragraph: p.number }] : [],
  );
};

const addresseeRules: Rule = (cable) => {
  const found: CableIssueDetail[] = [];
  if (cable.to.length === 0) found.push({ code: "missing_action_addressee", path: ["to"] });
  for (const list of ["to", "info"] as const) {
    cable[list].forEach((a, i) => {
      if (a.precedence === null) {
        found.push({ code: "missing_addressee_precedence", path: [list, i, "precedence"], addressee: a.name });
      }
    });
  }
  if (cable.to.length === 0) return found;
  const action = highest(cable.to);
  cable.info.forEach((a, i) => {
    const info = a.precedence ?? "ROUTINE";
    // NIACT wakes a duty officer but travels as IMMEDIATE: compare what goes on the wire.
    if (rankOnWire(info) < rankOnWire(action)) {
      found.push({ code: "info_outranks_action", path: ["info", i, "precedence"], addressee: a.name, info, action });
    }
  });
  return found;
};

function highest(addressees: readonly Addressee[]): Precedence {
  const ranks = addressees.map((a) => precedenceRank(a.precedence ?? "ROUTINE"));
  return PRECEDENCES[Math.min(...ranks)]!;
}

function rankOnWire(p: Precedence): number {
  return precedenceRank(transmissionPrecedenceOf(p));
}

const parseWarnings: Rule = (cable) =>
  cable.warnings.map((w, i) => ({
    code: "parse_warning",
    path: ["warnings", i],
    line: w.line,
    parseCode: w.code,
    parseMessage: w.message,
  }));

const RULES: readonly Rule[] = [
  classificationRules,
  declassificationDate,
  portionMarks,
  tagRules,
  subjectRule,
  textRule,
  addresseeRules,
  parseWarnings,
];

/**
 * Checks a cable against the rules of the format and of classification: Classified By and a declassification
 * instruction on classified cables, portion marks present and never above the overall level, at least one subject
 * and one country or organisation tag, all of them known, a subject, a TO addressee, text with no empty paragraph,
 * precedences on every addressee, DECL after the release date. Errors block release (a draft is saved with them);
 * warnings are advice. Parse warnings of an imported cable come back as `parse_warning` findings.
 * @example
 * const { issues } = validateCable({ ...emptyCable(), classification: "SECRET" })
 * issues.map((i) => i.code) // ["missing_classified_by", "missing_declassification", "missing_tags", ...]
 */
export function validateCable(cable: Cable): ValidationResult {
  return { issues: RULES.flatMap((rule) => rule(cable)).map(makeIssue) };
}

/**
 * Checks JSON input (already parsed) against the cable model only: the typed cable, or one `invalid_field`
 * finding per schema error at its JSON path. Use it where a cable is read from outside (`render`, imports).
 * @example checkCableShape({ ...emptyCable(), precedence: "URGENT" }).issues[0].path // ["precedence"]
 */
export function checkCableShape(value: unknown): { cable: Cable; issues: [] } | { cable: null; issues: CableIssue[] } {
  const parsed = CableSchema.safeParse(value);
  if (parsed.success) return { cable: parsed.data, issues: [] };
  const issues = parsed.error.issues.map((zi) =>
    makeIssue({
      code: "invalid_field",
      path: zi.path.map((p) => (typeof p === "number" ? p : String(p))),
      reason: zi.message,
    }),
  );
  return { cable: null, issues };
}

/**
 * Validates JSON input (already parsed): first against the cable model, turning each schema error into an
 * `invalid_field` finding at its JSON path (an unknown precedence, a misspelt classification), then, if it fits,
 * the rules of `validateCable`. `cable` is the typed cable when the schema accepted it.
 * @example
 * validateCableJson({ ...emptyCable(), precedence: "URGENT" }).issues[0]
 * // { code: "invalid_field", path: ["precedence"], severity: "error", message: "Invalid option: ...", ... }
 */
export function validateCableJson(value: unknown): ValidationResult & { cable: Cable | null } {
  const shape = checkCableShape(value);
  return shape.cable === null ? shape : { ...validateCable(shape.cable), cable: shape.cable };
}
