// The project's Kosovo recognition events agree row by row with the checked CSV they are built from
// (scripts/build-kosovo-recognitions.ts), so the data's provenance holds after any edit to either.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { KOSOVO_RECOGNITION_EVENTS } from "../src/core/index.ts";
import { SHARED_DIR, sharedAvailable } from "./helpers/shared-data.ts";

const csvPresent = sharedAvailable("reference/kosovo-recognitions.csv", "Kosovo recognitions provenance");

describe.skipIf(!csvPresent)("Kosovo recognition events", () => {
  const rows = readFileSync(join(SHARED_DIR, "reference", "kosovo-recognitions.csv"), "utf8")
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== "")
    .map((l) => l.split(","));

  it("have one recognition per CSV row and one withdrawal per withdrawn_on, on the CSV's days", () => {
    const expected = rows.flatMap(([iso2, , recognizedOn, withdrawnOn]) => [
      `${iso2} recognizes ${recognizedOn}`,
      ...(withdrawnOn === "" ? [] : [`${iso2} withdrew_recognition ${withdrawnOn}`]),
    ]);
    const actual = KOSOVO_RECOGNITION_EVENTS.map((e) => `${e.country} ${e.position} ${e.effectiveOn}`);
    expect(actual.sort()).toEqual(expected.sort());
  });

  it("name at least one source each, and are reported, not confirmed, where the evidence leaves the day in doubt", () => {
    for (const e of KOSOVO_RECOGNITION_EVENTS) expect(e.sources.length, e.id).toBeGreaterThan(0);
    const reported = KOSOVO_RECOGNITION_EVENTS.filter((e) => e.confidence === "reported").map((e) => e.id);
    expect(reported).toEqual(
      expect.arrayContaining(["kosovo-recognition-VU-recognizes", "kosovo-recognition-DJ-recognizes"]),
    );
    expect(reported).toContain("kosovo-recognition-NR-withdrew-recognition");
  });

  it("cite a published cable by its id where the source is one", () => {
    const germany = KOSOVO_RECOGNITION_EVENTS.find((e) => e.id === "kosovo-recognition-DE-recognizes");
    expect(germany?.sources).toContainEqual({ kind: "cable", cableId: "08BERLIN212" });
  });
});
