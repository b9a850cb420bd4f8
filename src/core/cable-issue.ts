// Validation findings: a discriminated union on `code`, like Zod's issues, each with a path into the cable model,
// a severity, a message and a hint on how to fix it. The one switch over codes lives here. Errors block release (a
// draft may still be saved with them); warnings are advice.
import { assertNever } from "./assert-never.ts";
import type { Classification } from "./classification.ts";
import type { Precedence } from "./precedence.ts";

export type IssueSeverity = "error" | "warning";
type AddresseeList = "to" | "info";

/** What a finding is about, without its wording. One variant per stable code. */
export type CableIssueDetail =
  /** The JSON does not fit the cable model (unknown precedence, misspelt classification, wrong type...). */
  | { code: "invalid_field"; path: (string | number)[]; reason: string }
  | { code: "missing_classification"; path: ["classification"] }
  | { code: "missing_classified_by"; path: ["classifiedBy"]; classification: Classification }
  | { code: "missing_declassification"; path: ["eo"]; classification: Classification; eoText: string | null }
  | { code: "decl_before_release"; path: ["eo", "decl"]; decl: string; released: string }
  | {
      code: "portion_above_overall";
      path: ["paragraphs", number, "marking"];
      paragraph: number | null;
      marking: string;
      portion: Classification;
      overall: Classification;
    }
  | { code: "unknown_portion_mark"; path: ["paragraphs", number, "marking"]; paragraph: number | null; marking: string }
  | { code: "missing_portion_mark"; path: ["paragraphs", number]; paragraph: number; overall: Classification }
  | { code: "missing_tags"; path: ["tags"]; kind: "subject" | "country" }
  | { code: "unknown_tag"; path: ["tags", number]; tag: string }
  | { code: "missing_subject"; path: ["subject"] }
  | { code: "missing_text"; path: ["paragraphs"] }
  | { code: "empty_paragraph"; path: ["paragraphs", number]; paragraph: number | null }
  | { code: "missing_action_addressee"; path: ["to"] }
  | { code: "missing_addressee_precedence"; path: [AddresseeList, number, "precedence"]; addressee: string }
  | {
      code: "info_outranks_action";
      path: ["info", number, "precedence"];
      addressee: string;
      info: Precedence;
      action: Precedence;
    }
  /** A collective addressed that reaches no post on the release date: its bloc has no member with a post here. */
  | {
      code: "empty_collective";
      path: [AddresseeList, number];
      collective: string;
      asOf: string;
      derivation: string | null;
    }
  /** What the telegram parser had to guess, repair or skip, with its line in the input. */
  | { code: "parse_warning"; path: ["warnings", number]; line: number; parseCode: string; parseMessage: string };

export type CableIssueCode = CableIssueDetail["code"];

// A record, so that a code added to the union and not here (or here and not there) does not compile.
const CODES: Record<CableIssueCode, true> = {
  invalid_field: true,
  missing_classification: true,
  missing_classified_by: true,
  missing_declassification: true,
  decl_before_release: true,
  portion_above_overall: true,
  unknown_portion_mark: true,
  missing_portion_mark: true,
  missing_tags: true,
  unknown_tag: true,
  missing_subject: true,
  missing_text: true,
  empty_paragraph: true,
  missing_action_addressee: true,
  missing_addressee_precedence: true,
  info_outranks_action: true,
  empty_collective: true,
  parse_warning: true,
};

/** Every code `validateCable` can find, in the order the union lists them. */
export const CABLE_ISSUE_CODES = Object.keys(CODES) as CableIssueCode[];

/** A finding as `validateCable` returns it. */
export type CableIssue = CableIssueDetail & { severity: IssueSeverity; message: string; hint: string };

type Wording = { severity: IssueSeverity; message: string; hint: string };

function where(paragraph: number | null, index: number): string {
  return paragraph === null ? `block ${index + 1}` : `paragraph ${paragraph}`;
}

/** Severity and wording of each code. A code without a case here does not compile. */
function explain(d: CableIssueDetail): Wording {
  switch (d.code) {
    case "invalid_field":
      return { severity: "error", message: d.reason, hint: "fix the field to match the cable model (see CableSchema)" };
    case "missing_classification":
      return {
        severity: "error",
        message: "the cable has no overall classification",
        hint: "set classification (UNCLASSIFIED, CONFIDENTIAL, SECRET...)",
      };
    case "missing_classified_by":
      return {
        severity: "error",
        message: `a ${d.classification} cable must say who classified it`,
        hint: "add a line `Classified By: <title> <name> for reason 1.4(b).`",
      };
    case "missing_declassification":
      return {
        severity: "error",
        message:
          d.eoText === null
            ? `a ${d.classification} cable has no E.O. line`
            : `a ${d.classification} cable gives no declassification instruction ("${d.eoText}")`,
        hint: "write `E.O. 12958: DECL: MM/DD/YYYY`, or an exemption such as 25X1 or an event",
      };
    case "decl_before_release":
      return {
        severity: "error",
        message: `declassification date ${d.decl} is before the release date ${d.released}`,
        hint: "set the DECL date after the date-time group (usually ten years later)",
      };
    case "portion_above_overall":
      return {
        severity: "error",
        message: `${where(d.paragraph, d.path[1])}: portion mark (${d.marking}) is ${d.portion}, above the cable's ${d.overall}`,
        hint: `lower the portion mark or raise the classification to ${d.portion}`,
      };
    case "unknown_portion_mark":
      return {
        severity: "warning",
        message: `${where(d.paragraph, d.path[1])}: portion mark (${d.marking}) names no known level`,
        hint: "use U, SBU, C, S or TS, optionally with /NF or /REL ...",
      };
    case "missing_portion_mark":
      return {
        severity: "error",
        message: `paragraph ${d.paragraph} has no portion mark in a ${d.overall} cable`,
        hint: "start the paragraph with a mark such as (U), (C) or (S/NF)",
      };
    case "missing_tags":
      return d.kind === "subject"
        ? {
            severity: "error",
            message: "TAGS has no subject tag",
            hint: "add a subject tag such as PREL, PGOV or ECON",
          }
        : {
            severity: "error",
            message: "TAGS has no country or organisation tag",
            hint: "add a FIPS country code (KV, RS, SP) or an organisation (UN, NATO)",
          };
    case "unknown_tag":
      return {
        severity: "error",
        message: `TAGS code ${d.tag} is not a known subject, program, organisation or FIPS country code`,
        hint: "check the spelling; countries use FIPS 10-4 (IZ for Iraq, not ISO IQ)",
      };
    case "missing_subject":
      return { severity: "error", message: "the cable has no SUBJECT", hint: "add a one-line SUBJECT" };
    case "missing_text":
      return {
        severity: "error",
        message: "the cable has no text",
        hint: "add at least one numbered paragraph, e.g. `1. (U) Post delivered the demarche.`",
      };
    case "empty_paragraph":
      return {
        severity: "error",
        message: `${where(d.paragraph, d.path[1])} is empty`,
        hint: "write its text, or remove it",
      };
    case "missing_action_addressee":
      return {
        severity: "error",
        message: "the cable has no action (TO) addressee",
        hint: "address at least one post or office on TO",
      };
    case "missing_addressee_precedence":
      return {
        severity: "warning",
        message: `addressee ${d.addressee} has no precedence (read as ROUTINE)`,
        hint: "write the precedence after the address, e.g. PRIORITY",
      };
    case "info_outranks_action":
      return {
        severity: "warning",
        message: `information addressee ${d.addressee} is ${d.info}, above the highest action precedence ${d.action}`,
        hint: `lower it to ${d.action} or below; information must not outrank action`,
      };
    case "empty_collective":
      return {
        severity: "error",
        message:
          `collective ${d.collective} reaches no post on ${d.asOf}` +
          (d.derivation === null ? "" : ` (its members are the ${d.derivation})`),
        hint:
          d.derivation === null
            ? "add member posts to the collective (`cablegram directory collective add-member`) or address posts"
            : "address the posts themselves, or add posts in its member countries to the directory",
      };
    case "parse_warning":
      return {
        severity: "warning",
        message: `${d.parseCode}: ${d.parseMessage}`,
        hint: "the parser guessed or repaired this line; check the source text",
      };
    default:
      return assertNever(d);
  }
}

/**
 * Turns a finding's details into a full issue with its severity, message and hint.
 * @example makeIssue({ code: "missing_subject", path: ["subject"] }).severity // "warning"
 */
export function makeIssue(detail: CableIssueDetail): CableIssue {
  return { ...detail, ...explain(detail) };
}

/**
 * Writes a path into the model as a JSON-path-like string.
 * @example formatPath(["paragraphs", 3, "marking"]) // "paragraphs[3].marking"
 */
export function formatPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("") || "(root)";
}

/**
 * One line for a person: `severity code: message (hint)`. Callers put the location in front.
 * @example formatIssue(makeIssue({ code: "missing_tags", path: ["tags"], kind: "subject" }))
 * // "error missing_tags: TAGS has no subject tag (add a subject tag such as PREL, PGOV or ECON)"
 */
export function formatIssue(issue: CableIssue): string {
  return `${issue.severity} ${issue.code}: ${issue.message} (${issue.hint})`;
}
