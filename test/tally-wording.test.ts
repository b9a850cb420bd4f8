// The English of a tally agrees in number with its count: "57 of 192 UN members recognize", "1 of 27 EU
// recognizes", "0 of 7 G7 are undecided", for every position label of the scales Cablegram ships, at 0, 1 and 2.
import { describe, expect, it } from "vitest";
import {
  DEFAULT_POSITIONS,
  noPositionPredicate,
  positionPredicate,
  RECOGNITION_POSITIONS,
  tallySentence,
} from "../src/core/index.ts";

const agreement: Record<string, [zero: string, one: string, two: string]> = {
  supports: ["support", "supports", "support"],
  "leaning for": ["are leaning for", "is leaning for", "are leaning for"],
  undecided: ["are undecided", "is undecided", "are undecided"],
  "leaning against": ["are leaning against", "is leaning against", "are leaning against"],
  opposes: ["oppose", "opposes", "oppose"],
  recognizes: ["recognize", "recognizes", "recognize"],
  "does not recognize": ["do not recognize", "does not recognize", "do not recognize"],
  "withdrew recognition": ["withdrew recognition", "withdrew recognition", "withdrew recognition"],
};

describe("tally wording", () => {
  it.each([...DEFAULT_POSITIONS, ...RECOGNITION_POSITIONS].map((p) => p.label))(
    "conjugates %j for 0, 1 and 2 countries",
    (label) => {
      expect([0, 1, 2].map((n) => positionPredicate(label, n))).toEqual(agreement[label]);
    },
  );

  it("writes the seed's tally sentences with the verb agreeing with the count", () => {
    expect(tallySentence(57, 192, "UN members", "recognizes")).toBe("57 of 192 UN members recognize");
    expect(tallySentence(1, 27, "EU member states", "has recognized")).toBe("1 of 27 EU member states has recognized");
    expect(tallySentence(2, 27, "EU member states", "has recognized")).toBe("2 of 27 EU member states have recognized");
    expect(tallySentence(0, 7, "G7", "abstains")).toBe("0 of 7 G7 abstain");
  });

  it("says who has no recorded position in the number of the count", () => {
    expect([0, 1, 2].map(noPositionPredicate)).toEqual([
      "have no recorded position",
      "has no recorded position",
      "have no recorded position",
    ]);
  });

  it("conjugates verbs whose plural is not the singular less an s", () => {
    expect(positionPredicate("denies recognition", 2)).toBe("deny recognition");
    expect(positionPredicate("pushes for a vote", 3)).toBe("push for a vote");
    expect(positionPredicate("is silent", 4)).toBe("are silent");
    expect(positionPredicate("voted against", 5)).toBe("voted against");
  });
});
