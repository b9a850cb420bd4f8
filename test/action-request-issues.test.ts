// The checks of action requests and the list of validation codes, in core: the server's findings and the
// composer's, from one source.
import { describe, expect, it } from "vitest";
import { actionRequestIssues, CABLE_ISSUE_CODES, makeIssue, validateCable, emptyCable } from "../src/core/index.ts";

const to = (...names: string[]) => names.map((name) => ({ name }));
const due = "2026-03-01T18:00:00Z";

describe("actionRequestIssues", () => {
  it("finds nothing wrong with a request to an action addressee, by PLAD or by place", () => {
    const requests = [{ what: "Deliver the demarche", posts: ["AMEMBASSY PARIS", "paris", "ROME"], due }];
    expect(actionRequestIssues(to("AMEMBASSY PARIS", "AMEMBASSY ROME"), requests)).toEqual([]);
  });

  it("finds a request that asks nothing, has no deadline, and names a post that is not TO", () => {
    const issues = actionRequestIssues(to("AMEMBASSY PARIS"), [{ what: " ", posts: ["BERLIN"], due: null }]);
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ["action_request_without_what", ["actionRequests", 0, "what"]],
      ["action_request_without_due", ["actionRequests", 0, "due"]],
      ["action_request_not_action_addressee", ["actionRequests", 0, "posts", 0]],
    ]);
    expect(issues.every((i) => i.severity === "error" && i.hint !== "")).toBe(true);
  });

  it("finds a request in a draft with no action addressee", () => {
    expect(actionRequestIssues([], [{ what: "Report", posts: [], due }]).map((i) => i.code)).toEqual([
      "action_request_without_action_addressee",
    ]);
  });
});

describe("CABLE_ISSUE_CODES", () => {
  it("lists every code validateCable explains, missing text included", () => {
    expect(CABLE_ISSUE_CODES).toContain("missing_text");
    expect(validateCable(emptyCable()).issues.every((i) => CABLE_ISSUE_CODES.includes(i.code))).toBe(true);
    expect(makeIssue({ code: "missing_text", path: ["paragraphs"] }).code).toBe("missing_text");
  });
});
