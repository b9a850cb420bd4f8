// Whether a draft may be submitted for approval or released now and, when not, why: the reasons the Submit and
// Release buttons show when disabled. The server decides in the end (409 NOT_READY_FOR_APPROVAL,
// NOT_READY_FOR_RELEASE); this says it before the user tries.
import type { Clearance, Finding } from "../../api/types.ts";

export type ReleaseState = {
  /** The user may release drafts of this post at all (approver). */
  approver: boolean;
  /** The draft is stored (it has an id) and still a draft. */
  saved: boolean;
  /** The form has changes not yet saved. */
  dirty: boolean;
  findings: readonly Finding[];
  clearances: readonly Clearance[];
};

/**
 * The reasons the draft cannot be released now; empty when it can.
 * @example releaseBlockers({ approver: true, saved: true, dirty: false, findings: [], clearances: [] }) // []
 */
export function releaseBlockers(state: ReleaseState): string[] {
  const reasons: string[] = [];
  if (!state.approver) reasons.push("Only an approver of the originating post may release.");
  if (!state.saved) reasons.push("Save the draft first.");
  else if (state.dirty) reasons.push("Save your changes first.");
  const errors = state.findings.filter((f) => f.severity === "error").length;
  if (errors > 0) reasons.push(`Fix ${errors === 1 ? "the error" : `the ${errors} errors`} found in the draft.`);
  const open = state.clearances.filter((c) => c.required && c.status !== "cleared");
  for (const c of open) {
    reasons.push(c.status === "objected" ? `${c.clearer} objects.` : `${c.clearer} has not cleared yet.`);
  }
  return reasons;
}

/** What submission for approval depends on: the draft saved as it is, and free of errors. */
export type SubmitState = Pick<ReleaseState, "saved" | "dirty" | "findings">;

/**
 * The reasons the draft cannot be submitted for approval now; empty when it can. Clearances may still be pending:
 * the approver sees which.
 * @example submitBlockers({ saved: true, dirty: true, findings: [] }) // ["Save your changes first."]
 */
export function submitBlockers(state: SubmitState): string[] {
  const reasons: string[] = [];
  if (!state.saved) reasons.push("Save the draft first.");
  else if (state.dirty) reasons.push("Save your changes first.");
  const errors = state.findings.filter((f) => f.severity === "error").length;
  if (errors > 0) reasons.push(`Fix ${errors === 1 ? "the error" : `the ${errors} errors`} found in the draft.`);
  return reasons;
}
