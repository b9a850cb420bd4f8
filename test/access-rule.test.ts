// The access rule, case by case, as ACCESS_RULE states it: level, caveats, captions.
import { describe, expect, it } from "vitest";
import type { Cable } from "../src/core/index.ts";
import { ACCESS_RULE, locksOf, mayRead, SYSTEM_READER } from "../src/services/access/index.ts";
import { addressee, variantOf, buildReader, seed } from "./helpers/archive-fixtures.ts";

describe("access rule", () => {
  const cable = (patch: Partial<Omit<Cable, "id">>): Cable =>
    variantOf(seed("08STATE16245").cable, { id: "08STATE90000", caveats: [], handling: [], ...patch });

  it("needs a clearance at least the classification, counting an unknown one as SECRET", () => {
    const confidential = cable({ classification: "CONFIDENTIAL" });
    expect(mayRead(buildReader({ clearance: "LIMITED OFFICIAL USE" }), confidential)).toBe(false);
    expect(mayRead(buildReader({ clearance: "CONFIDENTIAL" }), confidential)).toBe(true);
    const unknown = cable({ classification: null });
    expect(mayRead(buildReader({ clearance: "CONFIDENTIAL" }), unknown)).toBe(false);
    expect(mayRead(buildReader({ clearance: "SECRET" }), unknown)).toBe(true);
  });

  it("needs every caveat as an access, but SIPDIS and SENSITIVE restrict nobody", () => {
    expect(mayRead(buildReader(), cable({ caveats: ["SIPDIS", "SENSITIVE"] }))).toBe(true);
    const noforn = cable({ caveats: ["SIPDIS", "NOFORN"] });
    expect(mayRead(buildReader(), noforn)).toBe(false);
    expect(mayRead(buildReader({ accesses: ["noforn"] }), noforn)).toBe(true);
    const unknown = cable({ caveats: ["NOFORN", "ORCON"] });
    expect(mayRead(buildReader({ accesses: ["NOFORN"] }), unknown)).toBe(false);
    expect(mayRead(buildReader({ accesses: ["NOFORN", "ORCON"] }), unknown)).toBe(true);
  });

  it("restricts a captioned cable to the offices its handling lines name", () => {
    const nodis = cable({ caveats: ["NODIS"], handling: ["DEPT FOR INL, EUR/SCE AND IO/UNP"] });
    expect(locksOf(nodis).grants).toEqual(["office:EUR/SCE", "office:INL", "office:IO/UNP"]);
    expect(mayRead(buildReader(), nodis)).toBe(false);
    expect(mayRead(buildReader({ offices: ["NEA/I"] }), nodis)).toBe(false);
    expect(mayRead(buildReader({ offices: ["eur/sce"] }), nodis)).toBe(true);
  });

  it("restricts a captioned cable to its addressees' office suffixes", () => {
    const exdis = cable({ caveats: ["EXDIS"], to: [addressee("AMEMBASSY PARIS", "POL")], info: [addressee("USUN")] });
    expect(mayRead(buildReader({ offices: ["POL"] }), exdis)).toBe(true);
    expect(mayRead(buildReader({ offices: ["ECON"], post: "PARIS" }), exdis)).toBe(false);
  });

  it("opens a captioned cable to the distribution lists it names, by caveat or handling line", () => {
    const byCaveat = cable({ caveats: ["NODIS KOSOVO"] });
    const byLine = cable({ caveats: ["NODIS"], handling: ["NODIS-KOSOVO"] });
    for (const c of [byCaveat, byLine]) {
      expect(locksOf(c)).toMatchObject({ captioned: true, caveats: [], grants: ["list:NODIS-KOSOVO"] });
      expect(mayRead(buildReader({ lists: ["NODIS-KOSOVO"] }), c)).toBe(true);
      expect(mayRead(buildReader({ lists: ["nodis kosovo"] }), c)).toBe(true);
      expect(mayRead(buildReader({ lists: ["EXDIS-KOSOVO"] }), c)).toBe(false);
    }
  });

  it("lets nobody but the system read a captioned cable that names no office or list", () => {
    const limdis = cable({ caveats: ["LIMDIS"], to: [], info: [] });
    expect(
      mayRead(buildReader({ clearance: "TOP SECRET", offices: ["EUR/SCE"], lists: ["NODIS-KOSOVO"] }), limdis),
    ).toBe(false);
    expect(mayRead(SYSTEM_READER, limdis)).toBe(true);
  });

  it("applies all three rules together", () => {
    const all = cable({ classification: "SECRET", caveats: ["NOFORN", "NODIS"], handling: ["DEPT FOR EUR/SCE"] });
    const full = { clearance: "SECRET" as const, accesses: ["NOFORN"], offices: ["EUR/SCE"] };
    expect(mayRead(buildReader(full), all)).toBe(true);
    expect(mayRead(buildReader({ ...full, clearance: "CONFIDENTIAL" }), all)).toBe(false);
    expect(mayRead(buildReader({ ...full, accesses: [] }), all)).toBe(false);
    expect(mayRead(buildReader({ ...full, offices: [] }), all)).toBe(false);
  });

  it("is stated in words for the README", () => {
    for (const word of [
      "clearance",
      "SECRET",
      "NOFORN",
      "SIPDIS",
      "SENSITIVE",
      "NODIS",
      "EXDIS",
      "LIMDIS",
      "not found",
    ]) {
      expect(ACCESS_RULE).toContain(word);
    }
  });
});
