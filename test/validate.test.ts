// validateCable and validateCableJson: each rule fires on the cable that breaks it and stays quiet on one that
// keeps it; the seeds validate without errors; JSON input is checked against the model first.
import { beforeAll, describe, expect, it } from "vitest";
import {
  emptyCable,
  formatIssue,
  isDeclassificationInstruction,
  makeIssue,
  validateCable,
  validateCableJson,
  type Cable,
  type CableIssue,
  type CableIssueCode,
} from "../src/core/index.ts";
import { parseTelegram } from "../src/telegram/index.ts";
import { readSeed } from "./helpers/seeds.ts";

/**
 * A CONFIDENTIAL cable that keeps every rule, shaped like 09STATE39345; each test breaks one thing in it.
 * @example validCable().classification // "CONFIDENTIAL"
 */
function validCable(): Cable {
  return {
    ...emptyCable(),
    id: "09STATE39345",
    dtg: "2009-04-21T13:43:00Z",
    precedence: "PRIORITY",
    from: { route: null, name: "SECSTATE WASHDC", office: null, precedence: null, mcn: null },
    to: [{ route: "RUCNDT", name: "USMISSION USUN NEW YORK", office: null, precedence: "PRIORITY", mcn: "5745" }],
    info: [{ route: "RUEHBW", name: "AMEMBASSY BELGRADE", office: null, precedence: "PRIORITY", mcn: "2080" }],
    classification: "CONFIDENTIAL",
    caveats: ["SIPDIS"],
    eo: { order: "12958", decl: "2019-04-16", text: "DECL: 04/16/2019" },
    tags: ["PREL", "ECON", "UN", "KV"],
    subject: "SUPPORTING KOSOVO IN INTERNATIONAL BODIES",
    classifiedBy: { name: "Esther Brimmer", title: "IO A/S", reasons: ["1.4(b)"] },
    paragraphs: [
      { number: 1, marking: "C", text: "Summary. This is an action request." },
      { number: null, marking: null, text: "OBJECTIVES" },
      { number: 2, marking: "C", text: "Action request." },
      { number: 3, marking: "SBU", text: "It is a USG policy priority." },
    ],
  };
}

function codes(cable: Cable): CableIssueCode[] {
  return validateCable(cable).issues.map((i) => i.code);
}

function only(cable: Cable, code: CableIssueCode): CableIssue[] {
  return validateCable(cable).issues.filter((i) => i.code === code);
}

describe("validateCable rules", () => {
  it("finds nothing wrong with a well-formed classified cable", () => {
    expect(validateCable(validCable()).issues).toEqual([]);
  });

  it("requires Classified By on a classified cable, and not on an unclassified one", () => {
    const classified = { ...validCable(), classifiedBy: null };
    expect(only(classified, "missing_classified_by")).toMatchObject([
      { severity: "error", path: ["classifiedBy"], classification: "CONFIDENTIAL" },
    ]);
    const unclassified = { ...classified, classification: "UNCLASSIFIED" as const, eo: null };
    expect(codes(unclassified)).not.toContain("missing_classified_by");
    const lou = { ...classified, classification: "LIMITED OFFICIAL USE" as const };
    expect(codes(lou)).not.toContain("missing_classified_by");
  });

  it("requires a declassification instruction: a DECL date, or an exemption or event when there is none", () => {
    expect(only({ ...validCable(), eo: null }, "missing_declassification")).toMatchObject([
      { severity: "error", path: ["eo"], eoText: null },
    ]);
    const na = { ...validCable(), eo: { order: "12958", decl: null, text: "N/A" } };
    expect(only(na, "missing_declassification")).toMatchObject([{ eoText: "N/A" }]);
    for (const text of ["DECL: OADR", "DECL: 25X1-human", "DECL: TEN YEARS AFTER KOREAN UNIFICATION", "GDS"]) {
      const eo = { order: "12958", decl: null, text };
      expect(codes({ ...validCable(), eo }), text).not.toContain("missing_declassification");
    }
    const unclassified = { ...validCable(), classification: "UNCLASSIFIED" as const, eo: na.eo, classifiedBy: null };
    expect(codes(unclassified)).not.toContain("missing_declassification");
  });

  it("flags a declassification date before the release date", () => {
    const early = { ...validCable(), eo: { order: "12958", decl: "2009-04-20", text: "DECL: 04/20/2009" } };
    expect(only(early, "decl_before_release")).toMatchObject([
      { severity: "error", path: ["eo", "decl"], decl: "2009-04-20", released: "2009-04-21" },
    ]);
    const sameDay = { ...validCable(), eo: { order: "12958", decl: "2009-04-21", text: "DECL: 04/21/2009" } };
    expect(codes(sameDay)).not.toContain("decl_before_release");
    expect(codes({ ...early, dtg: null })).not.toContain("decl_before_release");
  });

  it("flags a portion mark above the overall classification, with the paragraph's path", () => {
    const cable = validCable();
    cable.paragraphs[2] = { number: 2, marking: "S/NF", text: "Action request." };
    expect(only(cable, "portion_above_overall")).toMatchObject([
      { severity: "error", path: ["paragraphs", 2, "marking"], portion: "SECRET", overall: "CONFIDENTIAL" },
    ]);
    cable.paragraphs[2] = { number: 2, marking: "C/REL NATO", text: "Action request." };
    expect(codes(cable)).not.toContain("portion_above_overall");
  });

  it("flags a portion mark that names no level as a warning", () => {
    const cable = validCable();
    cable.paragraphs[0] = { number: 1, marking: "ENTIRE TEXT", text: "Summary." };
    expect(only(cable, "unknown_portion_mark")).toMatchObject([
      { severity: "warning", path: ["paragraphs", 0, "marking"] },
    ]);
  });

  it("requires portion marks on numbered paragraphs of a classified cable, not on headings", () => {
    const cable = validCable();
    cable.paragraphs[3] = { number: 3, marking: null, text: "No mark." };
    expect(only(cable, "missing_portion_mark")).toMatchObject([
      { severity: "error", path: ["paragraphs", 3], paragraph: 3 },
    ]);
    // The heading at index 1 has no mark either, and is exempt.
    expect(only(cable, "missing_portion_mark")).toHaveLength(1);
    const unclassified = { ...cable, classification: "UNCLASSIFIED" as const };
    expect(codes(unclassified)).not.toContain("missing_portion_mark");
  });

  it("requires a subject tag (a program tag will do) as an error", () => {
    expect(only({ ...validCable(), tags: ["UN", "KV"] }, "missing_tags")).toMatchObject([
      { severity: "error", path: ["tags"], kind: "subject" },
    ]);
    expect(codes({ ...validCable(), tags: ["KNNP", "IR"] })).not.toContain("missing_tags");
    expect(codes({ ...validCable(), tags: ["OVIP (CLINTON, HILLARY)", "KV"] })).not.toContain("missing_tags");
  });

  it("requires a country or organisation tag, as an error", () => {
    expect(only({ ...validCable(), tags: ["PREL", "ECON"] }, "missing_tags")).toMatchObject([
      { severity: "error", kind: "country" },
    ]);
    expect(codes({ ...validCable(), tags: ["PREL", "NATO"] })).not.toContain("missing_tags");
  });

  it("refuses a TAGS code it does not know, such as an ISO country code or ZZZZ, as an error", () => {
    expect(only({ ...validCable(), tags: ["PREL", "KV", "IQ", "ZZZZ"] }, "unknown_tag")).toMatchObject([
      { severity: "error", path: ["tags", 2], tag: "IQ" },
      { severity: "error", path: ["tags", 3], tag: "ZZZZ" },
    ]);
  });

  it("warns about an addressee without a precedence, on TO and INFO", () => {
    const cable = validCable();
    cable.info.push({ route: "RUEHBS", name: "USEU BRUSSELS", office: null, precedence: null, mcn: null });
    expect(only(cable, "missing_addressee_precedence")).toMatchObject([
      { severity: "warning", path: ["info", 1, "precedence"], addressee: "USEU BRUSSELS" },
    ]);
    cable.to[0]!.precedence = null;
    expect(only(cable, "missing_addressee_precedence").map((i) => i.path)).toEqual([
      ["to", 0, "precedence"],
      ["info", 1, "precedence"],
    ]);
  });

  it("warns when an information addressee outranks every action addressee", () => {
    const cable = validCable();
    cable.info[0]!.precedence = "IMMEDIATE";
    expect(only(cable, "info_outranks_action")).toMatchObject([
      { severity: "warning", path: ["info", 0, "precedence"], info: "IMMEDIATE", action: "PRIORITY" },
    ]);
    // NIACT travels as IMMEDIATE: IMMEDIATE information beside NIACT IMMEDIATE action is fine (08STATE16245).
    cable.to[0]!.precedence = "NIACT IMMEDIATE";
    expect(codes(cable)).not.toContain("info_outranks_action");
  });

  it("refuses a missing subject line and a missing action addressee as errors", () => {
    expect(only({ ...validCable(), subject: null }, "missing_subject")).toMatchObject([{ severity: "error" }]);
    expect(only({ ...validCable(), subject: "  " }, "missing_subject")).toHaveLength(1);
    expect(only({ ...validCable(), to: [] }, "missing_action_addressee")).toMatchObject([
      { severity: "error", path: ["to"] },
    ]);
  });

  it("refuses a cable without text as an error, and not one with a paragraph", () => {
    expect(only({ ...validCable(), paragraphs: [], body: "" }, "missing_text")).toMatchObject([
      { severity: "error", path: ["paragraphs"] },
    ]);
    expect(only(validCable(), "missing_text")).toEqual([]);
  });

  it("refuses an empty paragraph or heading at its place, and not a written one", () => {
    const cable = validCable();
    cable.paragraphs[1] = { number: null, marking: null, text: "" };
    cable.paragraphs[2] = { number: 2, marking: "C", text: "   " };
    expect(only(cable, "empty_paragraph")).toMatchObject([
      { severity: "error", path: ["paragraphs", 1], paragraph: null, message: "block 2 is empty" },
      { severity: "error", path: ["paragraphs", 2], paragraph: 2, message: "paragraph 2 is empty" },
    ]);
    expect(only(validCable(), "empty_paragraph")).toEqual([]);
  });

  it("flags a cable without a classification, and skips the classified-only rules", () => {
    const cable = { ...validCable(), classification: null, classifiedBy: null, eo: null };
    expect(codes(cable)).toEqual(["missing_classification"]);
  });

  it("passes the parser's warnings through with their line numbers", () => {
    const cable = { ...validCable(), warnings: [{ code: "unknown_caption", line: 7, message: "ROGER" }] };
    expect(only(cable, "parse_warning")).toMatchObject([
      { severity: "warning", path: ["warnings", 0], line: 7, parseCode: "unknown_caption" },
    ]);
  });

  it("gives every finding a message and a hint", () => {
    const broken: Cable = {
      ...emptyCable(),
      classification: "SECRET",
      paragraphs: [{ number: 1, marking: null, text: "x" }],
    };
    const issues = validateCable(broken).issues;
    expect(issues.length).toBeGreaterThan(4);
    for (const issue of issues) {
      expect(issue.message.length, issue.code).toBeGreaterThan(5);
      expect(issue.hint.length, issue.code).toBeGreaterThan(5);
    }
  });
});

describe("formatIssue", () => {
  it("writes severity, code, message and hint on one line", () => {
    expect(formatIssue(makeIssue({ code: "missing_tags", path: ["tags"], kind: "subject" }))).toBe(
      "error missing_tags: TAGS has no subject tag (add a subject tag such as PREL, PGOV or ECON)",
    );
  });
});

describe("isDeclassificationInstruction", () => {
  it("recognises dates, exemptions, reviews and events written on corpus E.O. lines", () => {
    for (const text of [
      "DECL: 04/16/2019",
      "DECL: OADR",
      "DECL: MR",
      "DECL: CLOSURE OF ICTY",
      "DECL: TEN YEARS AFTER KOREAN UNIFICATION",
      "Declassify on: Source marked 25X1-human",
      "GDS 8/12/85 (TOMSETH, VICTOR L.) OR-P",
      "DNG: CO 01/26/2021",
    ]) {
      expect(isDeclassificationInstruction(text), text).toBe(true);
    }
  });

  it("rejects N/A and empty instructions", () => {
    for (const text of ["N/A", "n/a", "", "DECL: N/A", "DECL:", "XXXXXXXXXXXXX"]) {
      expect(isDeclassificationInstruction(text), text).toBe(false);
    }
  });
});

describe("validateCableJson", () => {
  it("turns an unknown precedence or classification into invalid_field findings at their JSON paths", () => {
    const json = JSON.parse(JSON.stringify(validCable())) as Record<string, unknown> & { to: { precedence: string }[] };
    json.precedence = "URGENT";
    json.classification = "SECRETISH";
    json.to[0]!.precedence = "FAST";
    const { issues, cable } = validateCableJson(json);
    expect(cable).toBeNull();
    expect(issues.map((i) => [i.code, i.severity, i.path])).toEqual(
      expect.arrayContaining([
        ["invalid_field", "error", ["precedence"]],
        ["invalid_field", "error", ["classification"]],
        ["invalid_field", "error", ["to", 0, "precedence"]],
      ]),
    );
  });

  it("reports a field of the wrong type and a missing field", () => {
    const { tags: _tags, ...rest } = validCable();
    const { issues } = validateCableJson({ ...rest, serial: "016245" });
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining([["tags"], ["serial"]]));
  });

  it("runs the rules once the JSON fits the model", () => {
    const json = JSON.parse(JSON.stringify({ ...validCable(), classifiedBy: null })) as unknown;
    const { issues, cable } = validateCableJson(json);
    expect(cable?.id).toBe("09STATE39345");
    expect(issues.map((i) => i.code)).toEqual(["missing_classified_by"]);
  });

  it("rejects what is not an object at all", () => {
    expect(validateCableJson([1, 2]).issues).toMatchObject([{ code: "invalid_field", path: [] }]);
  });
});

describe("validating the seed cables", () => {
  let unclassified: Cable;
  let confidential: Cable;
  beforeAll(() => {
    unclassified = parseTelegram(readSeed("08STATE16245"));
    confidential = parseTelegram(readSeed("09STATE39345"));
  });

  it("finds no error in 09STATE39345, which has Classified By and a DECL date", () => {
    expect(confidential.classifiedBy).not.toBeNull();
    expect(confidential.eo?.decl).toBe("2019-04-16");
    expect(validateCable(confidential).issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("finds no error in 08STATE16245, an UNCLAS cable with E.O. N/A", () => {
    expect(validateCable(unclassified).issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("flags 09STATE39345 once Classified By is removed", () => {
    expect(codes({ ...confidential, classifiedBy: null })).toContain("missing_classified_by");
  });

  it("flags a SECRET portion in the CONFIDENTIAL seed at that paragraph", () => {
    const paragraphs = confidential.paragraphs.map((p) => (p.number === 3 ? { ...p, marking: "S" } : p));
    const index = paragraphs.findIndex((p) => p.number === 3);
    expect(only({ ...confidential, paragraphs }, "portion_above_overall")).toMatchObject([
      { path: ["paragraphs", index, "marking"], paragraph: 3, portion: "SECRET" },
    ]);
  });

  it("validates the seed's JSON form exactly as the cable itself", () => {
    const json = JSON.parse(JSON.stringify(confidential)) as unknown;
    expect(validateCableJson(json).issues).toEqual(validateCable(confidential).issues);
  });
});
