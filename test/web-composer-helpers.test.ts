// The composer's helpers that are not the form: where each finding is shown, which server findings are added to
// the browser's own, why release is not possible yet, and the addressee autocomplete over the directory.
import { describe, expect, it } from "vitest";
import type { Clearance, Finding } from "../web/src/api/types.ts";
import {
  closeAddressees,
  isKnownAddressee,
  suggestAddressees,
  type DirectoryLists,
} from "../web/src/scenes/composer/addressee-suggestions.ts";
import { readDefaultDirectory } from "../src/services/directory/load-default-directory.ts";
import { cableOfForm, emptyForm } from "../web/src/scenes/composer/draft-form.ts";
import {
  findingsOn,
  findingsUnder,
  localFindings,
  serverOnlyFindings,
} from "../web/src/scenes/composer/form-findings.ts";
import { releaseBlockers } from "../web/src/scenes/composer/release-readiness.ts";
import directoryFile from "../src/services/directory/default-directory.json" with { type: "json" };

const directory = directoryFile as unknown as DirectoryLists;

function finding(code: string, path: Finding["path"], severity: Finding["severity"] = "error"): Finding {
  return { code, path, severity, message: code, hint: "" };
}

function clearance(status: Clearance["status"], required = true): Clearance {
  return {
    id: "c1",
    kind: "office",
    clearer: "IO/UNP",
    required,
    status,
    comment: null,
    requestedBy: "drafter",
    requestedAt: "2026-01-01T00:00:00Z",
    decidedBy: null,
    decidedAt: null,
  };
}

describe("web composer: findings next to their fields", () => {
  const findings = [
    finding("missing_action_addressee", ["to"]),
    finding("unknown_addressee", ["to", 2]),
    finding("unknown_portion_mark", ["paragraphs", 1, "marking"]),
    finding("missing_portion_mark", ["paragraphs", 1]),
  ];

  it("gives a list its own findings, and a row everything under it", () => {
    expect(findingsOn(findings, ["to"]).map((f) => f.code)).toEqual(["missing_action_addressee"]);
    expect(findingsUnder(findings, ["to", 2]).map((f) => f.code)).toEqual(["unknown_addressee"]);
    expect(findingsUnder(findings, ["paragraphs", 1]).map((f) => f.code)).toEqual([
      "unknown_portion_mark",
      "missing_portion_mark",
    ]);
    expect(findingsUnder(findings, ["paragraphs", 0])).toEqual([]);
  });

  it("adds only the server's directory findings to the browser's own", () => {
    const local = [finding("missing_tags", ["tags"])];
    const server = [finding("missing_tags", ["tags"]), finding("missing_subject", ["subject"]), findings[1]!];
    expect(serverOnlyFindings(server, local).map((f) => f.code)).toEqual(["unknown_addressee"]);
  });

  it("drops the server's stale finding of any code the browser checks itself, missing text included", () => {
    const server = [
      finding("missing_text", ["paragraphs"], "warning"),
      finding("action_request_not_action_addressee", ["actionRequests", 0, "posts", 0]),
      findings[1]!,
    ];
    expect(serverOnlyFindings(server, []).map((f) => f.code)).toEqual(["unknown_addressee"]);
  });

  it("checks action requests for what is asked, a deadline and action addressees", () => {
    const form = emptyForm("STATE");
    form.actionRequests = [{ key: "a", what: " ", posts: [], due: "" }];
    const codes = localFindings(form, cableOfForm(form)).map((f) => f.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        "action_request_without_what",
        "action_request_without_due",
        "action_request_without_action_addressee",
      ]),
    );
  });

  it("lists errors before warnings", () => {
    const form = emptyForm("STATE");
    form.tags = ["PREL", "ZZZZ"];
    // INFO above TO is advice (a warning); the unknown tag and the empty text are errors.
    form.to = [{ key: "t", name: "AMEMBASSY PARIS", office: null, precedence: "ROUTINE" }];
    form.info = [{ key: "i", name: "AMEMBASSY LONDON", office: null, precedence: "IMMEDIATE" }];
    const severities = localFindings(form, cableOfForm(form)).map((f) => f.severity);
    expect(severities.indexOf("warning")).toBeGreaterThan(severities.lastIndexOf("error"));
  });
});

describe("web composer: release readiness", () => {
  const ready = { approver: true, saved: true, dirty: false, findings: [], clearances: [clearance("cleared")] };

  it("allows release of a saved, valid, cleared draft", () => {
    expect(releaseBlockers(ready)).toEqual([]);
  });

  it("says why release is not possible", () => {
    expect(releaseBlockers({ ...ready, approver: false })).toEqual([
      "Only an approver of the originating post may release.",
    ]);
    expect(releaseBlockers({ ...ready, dirty: true })).toEqual(["Save your changes first."]);
    expect(releaseBlockers({ ...ready, findings: [finding("missing_tags", ["tags"])] })).toEqual([
      "Fix the error found in the draft.",
    ]);
    expect(releaseBlockers({ ...ready, clearances: [clearance("requested"), clearance("requested", false)] })).toEqual([
      "IO/UNP has not cleared yet.",
    ]);
    expect(releaseBlockers({ ...ready, clearances: [clearance("objected")] })).toEqual(["IO/UNP objects."]);
  });

  it("does not count warnings as blocking", () => {
    expect(releaseBlockers({ ...ready, findings: [finding("unknown_tag", ["tags", 0], "warning")] })).toEqual([]);
  });
});

describe("web composer: addressee autocomplete", () => {
  it("finds a post by the name drafters type, its station and its routing indicator", () => {
    expect(suggestAddressees(directory, "panama")[0]?.value).toBe("AMEMBASSY PANAMA");
    expect(suggestAddressees(directory, "RUEHZP")[0]?.value).toBe("AMEMBASSY PANAMA");
    expect(suggestAddressees(directory, "pana")[0]).toMatchObject({ value: "AMEMBASSY PANAMA", kind: "post" });
  });

  it("finds offices by code and collectives by name", () => {
    expect(suggestAddressees(directory, "io/unp")[0]).toMatchObject({ value: "IO/UNP", kind: "office" });
    expect(suggestAddressees(directory, "nato").map((s) => s.kind)).toContain("collective");
  });

  it("suggests no embassy's POL as a bare code, the Department's offices once each, and knows what it may add", () => {
    const withSections = readDefaultDirectory() as unknown as DirectoryLists;
    const pol = suggestAddressees(withSections, "pol");
    expect(pol.filter((s) => s.value === "POL")).toEqual([]);
    expect(new Set(pol.map((s) => s.value)).size).toBe(pol.length);
    expect(suggestAddressees(withSections, "io/unp")[0]).toMatchObject({ value: "IO/UNP", kind: "office" });
    expect(isKnownAddressee(withSections, "amembassy  panama")).toBe(true);
    expect(isKnownAddressee(withSections, "RUEHZP")).toBe(true);
    expect(isKnownAddressee(withSections, "IO/UNP")).toBe(true);
    expect(isKnownAddressee(withSections, "POL")).toBe(false);
    expect(isKnownAddressee(withSections, "AMEMBASSY BRUSELS")).toBe(false);
    expect(closeAddressees(withSections, "AMEMBASSY BRUSELS")[0]).toBe("AMEMBASSY BRUSSELS");
    expect(closeAddressees(withSections, "QWERTY ZXCVB")).toEqual([]);
  });

  it("suggests nothing for a single letter and at most the limit", () => {
    expect(suggestAddressees(directory, "p")).toEqual([]);
    expect(suggestAddressees(directory, "am", 5)).toHaveLength(5);
  });
});
