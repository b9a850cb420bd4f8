// The review page's marks become the decision the API records: nothing marked is a release in full, anything
// marked withholds that item under its codes, or refers it to the agency named, and makes it a release in part.
import { describe, expect, it } from "vitest";
import { markLabel, noMarks, releaseOf } from "../web/src/scenes/review/review-decision.ts";

describe("the review page's decision", () => {
  it("releases in full when nothing is marked", () => {
    expect(releaseOf(noMarks(1, 2))).toEqual({
      outcome: "release-in-full",
      subject: { action: "release" },
      tags: [{ action: "release" }],
      portions: [{ action: "release" }, { action: "release" }],
    });
  });

  it("withholds each marked item under its own codes, in part", () => {
    const marks = { ...noMarks(2, 3), portions: [["1.4(b)" as const], null, ["1.4(d)" as const]], subject: null };
    expect(releaseOf(marks)).toMatchObject({
      outcome: "release-in-part",
      portions: [
        { action: "withhold", exemptions: ["1.4(b)"] },
        { action: "release" },
        { action: "withhold", exemptions: ["1.4(d)"] },
      ],
    });
  });

  it("refers a marked item to its agency, in part, and says so on its button", () => {
    const marks = { ...noMarks(1, 2), portions: [{ referTo: "DOE" }, null] };
    expect(releaseOf(marks)).toMatchObject({
      outcome: "release-in-part",
      portions: [{ action: "refer", agency: "DOE" }, { action: "release" }],
    });
    expect([markLabel({ referTo: "DOE" }), markLabel(["1.4(b)"]), markLabel(null)]).toEqual([
      "Referred to DOE",
      "Withheld: 1.4(b)",
      "Released",
    ]);
  });
});
