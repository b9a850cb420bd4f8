// The composer's form against the cable model: a pasted seed telegram reads into the form and back into the same
// cable, the fields sent to the API are what the server takes, and the small conversions the form relies on.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateCable } from "../src/core/index.ts";
import { DraftFieldsSchema } from "../src/services/workflow/draft-schema.ts";
import { parseTelegram, renderTelegram } from "../src/telegram/index.ts";
import {
  cableOfForm,
  emptyForm,
  fieldsOfForm,
  formOfCable,
  isoOfLocal,
  localDateTime,
  referencedId,
  splitReasons,
} from "../web/src/scenes/composer/draft-form.ts";
import { portionMarkOptions } from "../web/src/scenes/composer/portion-marks.ts";

const seed = (id: string) => parseTelegram(readFileSync(new URL(`../examples/${id}.txt`, import.meta.url), "utf8"));

describe("web composer: form and cable", () => {
  it("reads the Kosovo demarche into the form and gives back the same cable, less what release assigns", () => {
    const parsed = seed("08STATE16245");
    const cable = cableOfForm(formOfCable(parsed));
    for (const key of ["from", "classification", "caveats", "eo", "tags", "subject", "references"] as const) {
      expect(cable[key]).toEqual(key === "from" ? { ...parsed.from, route: null } : parsed[key]);
    }
    expect(cable.to.map((a) => [a.name, a.precedence])).toEqual(parsed.to.map((a) => [a.name, a.precedence]));
    expect(cable.info.map((a) => [a.name, a.precedence])).toEqual(parsed.info.map((a) => [a.name, a.precedence]));
    expect(cable.paragraphs).toEqual(parsed.paragraphs);
    expect(cable.body).toBe(parsed.body);
    expect(cable.signers).toEqual(["RICE"]);
    expect(cable.id).toBeNull();
    expect(validateCable(cable).issues).toEqual([]);
  });

  it("keeps Classified By, the DECL date and the portion marks of a confidential seed", () => {
    const parsed = seed("09STATE39345");
    const cable = cableOfForm(formOfCable(parsed));
    expect(cable.classification).toBe("CONFIDENTIAL");
    expect(cable.classifiedBy).toEqual(parsed.classifiedBy);
    expect(cable.eo).toEqual({ order: "12958", decl: "2019-04-16", text: "DECL: 04/16/2019" });
    expect(cable.paragraphs.map((p) => p.marking)).toEqual(parsed.paragraphs.map((p) => p.marking));
  });

  it("numbers paragraphs in the order of the form, headings unnumbered", () => {
    const form = emptyForm("STATE");
    form.paragraphs = [
      { key: "a", numbered: true, marking: "c", text: " First. " },
      { key: "b", numbered: false, marking: "", text: "OBJECTIVES" },
      { key: "c", numbered: true, marking: "", text: "Second." },
    ];
    expect(cableOfForm(form).paragraphs).toEqual([
      { number: 1, marking: "C", text: "First." },
      { number: null, marking: null, text: "OBJECTIVES" },
      { number: 2, marking: null, text: "Second." },
    ]);
  });

  it("finds in an empty form what a drafter must still write", () => {
    const codes = validateCable(cableOfForm(emptyForm("STATE"))).issues.map((i) => i.code);
    expect(codes).toEqual(expect.arrayContaining(["missing_tags", "missing_subject", "missing_action_addressee"]));
  });

  it("renders a placeholder number for the preview and none for validation", () => {
    const form = formOfCable(seed("08STATE16245"));
    expect(renderTelegram(cableOfForm(form, { origin: "STATE" }))).toContain("UNCLAS STATE 000000");
    expect(renderTelegram(cableOfForm(form))).toMatch(/^UNCLAS$/m);
  });

  it("sends fields the API's schema accepts, with action requests due in UTC and addressees by name", () => {
    const form = formOfCable(seed("08STATE16245"));
    form.actionRequests = [
      { key: "x", what: " Deliver the demarche ", posts: ["AMEMBASSY PANAMA"], due: "2026-03-01T18:00" },
      { key: "y", what: "", posts: [], due: "" },
    ];
    const fields = fieldsOfForm(form);
    expect(DraftFieldsSchema.safeParse(fields).success).toBe(true);
    expect(fields.to?.[1]).toEqual({ name: "AMEMBASSY PANAMA", precedence: "NIACT IMMEDIATE" });
    expect(fields.exclusions).toEqual([]);
    expect(fields.actionRequests).toEqual([
      { what: "Deliver the demarche", posts: ["AMEMBASSY PANAMA"], due: new Date("2026-03-01T18:00").toISOString() },
    ]);
  });

  it("reads cable ids out of references, and reasons out of Classified By", () => {
    expect(referencedId("07 STATE 166909")).toBe("07STATE166909");
    expect(referencedId("07STATE 0166909")).toBe("07STATE166909");
    expect(referencedId("E-mail of 3 March")).toBeNull();
    expect(splitReasons("1.4(B), 1.4 (d) and 1.5(c)")).toEqual(["1.4(b)", "1.4(d)", "1.5(c)"]);
    expect(splitReasons("")).toEqual([]);
  });

  it("converts due times between the datetime-local input and ISO instants", () => {
    const local = "2026-03-01T18:30";
    expect(localDateTime(isoOfLocal(local)!)).toBe(local);
    expect(isoOfLocal("")).toBeNull();
    expect(isoOfLocal("tomorrow")).toBeNull();
    expect(localDateTime("not a date")).toBe("");
  });

  it("offers portion marks up to the overall level, and keeps an unusual mark already there", () => {
    expect(portionMarkOptions("UNCLASSIFIED").map((o) => o.value)).toEqual(["", "U", "SBU", "SBU/NF"]);
    expect(portionMarkOptions("CONFIDENTIAL").map((o) => o.value)).toEqual([
      "",
      "U",
      "SBU",
      "SBU/NF",
      "LOU",
      "C",
      "C/NF",
    ]);
    expect(portionMarkOptions("SECRET", "S/REL NATO").map((o) => o.value)).toContain("S/REL NATO");
    expect(portionMarkOptions("TOP SECRET").map((o) => o.value)).toContain("TS/NF");
  });
});
