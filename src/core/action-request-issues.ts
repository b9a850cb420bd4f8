// The checks of a draft's action requests, made alike by the composer in the browser and by the server on save and
// release: something asked, a deadline, and posts that are action addressees of the draft.
import type { Addressee } from "./cable.ts";

/** The codes of action request findings, stable like the cable issue codes. */
export const ACTION_REQUEST_ISSUE_CODES = [
  "action_request_without_what",
  "action_request_without_due",
  "action_request_not_action_addressee",
  "action_request_without_action_addressee",
] as const;
export type ActionRequestIssueCode = (typeof ACTION_REQUEST_ISSUE_CODES)[number];

/** A finding on an action request, shaped as a draft finding. */
export type ActionRequestIssue = {
  code: ActionRequestIssueCode;
  severity: "error";
  path: (string | number)[];
  message: string;
  hint: string;
};

/** An action request as far as the drafter has written it; `due` is null while it is unset or unreadable. */
export type ActionRequestDraft = { what: string; posts: readonly string[]; due: string | null };

/**
 * Everything wrong with the action requests of a draft addressed TO `to`, request by request: nothing asked, no
 * deadline, a post that is not an action addressee (by PLAD, or by the place after its kind word), no action
 * addressee at all.
 * @example actionRequestIssues([], [{ what: "Report", posts: [], due: null }]).map((i) => i.code)
 * // ["action_request_without_due", "action_request_without_action_addressee"]
 */
export function actionRequestIssues(
  to: readonly Pick<Addressee, "name">[],
  requests: readonly ActionRequestDraft[],
): ActionRequestIssue[] {
  const issues: ActionRequestIssue[] = [];
  const names = new Set(to.flatMap((a) => [a.name, a.name.replace(/^\S+\s+/, "")]));
  const squeezed = to.map((a) => a.name.replace(/\s+/g, ""));
  requests.forEach((r, i) => {
    if (r.what.trim() === "") {
      issues.push({
        code: "action_request_without_what",
        severity: "error",
        path: ["actionRequests", i, "what"],
        message: "the action request does not say what is asked",
        hint: "write what the posts must do, e.g. `Deliver the demarche; report the response`",
      });
    }
    if (r.due === null) {
      issues.push({
        code: "action_request_without_due",
        severity: "error",
        path: ["actionRequests", i, "due"],
        message: "the action request has no deadline",
        hint: "set the date and time by which posts must act",
      });
    }
    r.posts.forEach((p, j) => {
      const name = p.trim().toUpperCase();
      if (names.has(name) || squeezed.some((n) => n.endsWith(name.replace(/\s+/g, "")))) return;
      issues.push({
        code: "action_request_not_action_addressee",
        severity: "error",
        path: ["actionRequests", i, "posts", j],
        message: `${JSON.stringify(p)} is not an action (TO) addressee of this draft`,
        hint: "name an action addressee, or leave posts empty for all of them",
      });
    });
    if (to.length === 0) {
      issues.push({
        code: "action_request_without_action_addressee",
        severity: "error",
        path: ["actionRequests", i],
        message: "an action request needs at least one action (TO) addressee",
        hint: "address the draft TO the posts that must act",
      });
    }
  });
  return issues;
}
