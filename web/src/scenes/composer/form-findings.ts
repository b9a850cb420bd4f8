// The findings the composer shows: validateCable and the action request checks of core, run in the browser on every
// change; and the helpers that place each finding next to the field it concerns.
import {
  ACTION_REQUEST_ISSUE_CODES,
  actionRequestIssues,
  CABLE_ISSUE_CODES,
  validateCable,
  type Cable,
} from "../../../../src/core/index.ts";
import type { Finding } from "../../api/types.ts";
import { isoOfLocal, type DraftForm } from "./draft-form.ts";

export type FindingPath = Finding["path"];

/**
 * Everything wrong with the form now, errors first: the core's rules on `cable` (the form's cable) and its checks
 * of the action requests, the same the server makes.
 * @example localFindings(emptyForm("SECSTATE WASHDC"), cableOfForm(form)).map((f) => f.code) // ["missing_tags", ...]
 */
export function localFindings(form: DraftForm, cable: Cable): Finding[] {
  const found: Finding[] = validateCable(cable).issues.map((i) => ({
    code: i.code,
    severity: i.severity,
    path: i.path,
    message: i.message,
    hint: i.hint,
  }));
  const requests = form.actionRequests.map((r) => ({ what: r.what, posts: r.posts, due: isoOfLocal(r.due) }));
  found.push(...actionRequestIssues(cable.to, requests));
  return sortFindings(found);
}

/** Errors before warnings, then in form order (by path). */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1) || fieldRank(a) - fieldRank(b),
  );
}

const FIELD_ORDER = [
  "from",
  "to",
  "info",
  "exclusions",
  "classification",
  "caveats",
  "classifiedBy",
  "eo",
  "tags",
  "subject",
  "references",
  "paragraphs",
  "signers",
  "actionRequests",
];
function fieldRank(f: Finding): number {
  const i = FIELD_ORDER.indexOf(String(f.path[0] ?? ""));
  return i === -1 ? FIELD_ORDER.length : i;
}

/**
 * Findings whose path starts with `prefix`: a field and everything inside it.
 * @example findingsUnder(findings, ["paragraphs", 2]) // the findings of the third block, its marking included
 */
export function findingsUnder(findings: readonly Finding[], prefix: FindingPath): Finding[] {
  return findings.filter((f) => prefix.every((p, i) => f.path[i] === p));
}

/**
 * Findings whose path is exactly `path`: a list's own findings, not its rows'.
 * @example findingsOn(findings, ["to"]) // [{ code: "missing_action_addressee", ... }]
 */
export function findingsOn(findings: readonly Finding[], path: FindingPath): Finding[] {
  return findings.filter((f) => f.path.length === path.length && path.every((p, i) => f.path[i] === p));
}

/**
 * The server's findings of the last save that the browser cannot compute itself (the directory's: unknown
 * addressees, the origin), so that each finding is shown once.
 * @example serverOnlyFindings(draft.findings, local) // [{ code: "unknown_addressee", path: ["to", 3], ... }]
 */
export function serverOnlyFindings(server: readonly Finding[], local: readonly Finding[]): Finding[] {
  const known = new Set(local.map(findingKey));
  const localCodes = new Set(local.map((f) => f.code));
  return server.filter((f) => !known.has(findingKey(f)) && !LOCAL_CODES.has(f.code) && !localCodes.has(f.code));
}

// What the browser finds itself, on the current form: the server's (older) findings of these codes are not shown.
const LOCAL_CODES = new Set<string>([...CABLE_ISSUE_CODES, ...ACTION_REQUEST_ISSUE_CODES]);

function findingKey(f: Finding): string {
  return `${f.code}@${f.path.join(".")}`;
}
