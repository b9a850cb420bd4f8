// Position suggestions read from a cable's text: the seed 09STATE39345's supporters and possible opponents, the
// spellings cables use for countries, and sentences that must suggest nothing.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_POSITIONS,
  findCountryMentions,
  KOSOVO_RECOGNITION,
  positionForStance,
  suggestPositions,
} from "../src/core/index.ts";
import { parseTelegram } from "../src/telegram/index.ts";
import { readSeed } from "./helpers/seeds.ts";

const one = (text: string) =>
  suggestPositions([{ text }]).map((s) => `${s.country} ${s.stance}${s.hedged ? " (hedged)" : ""}`);

describe("the seed 09STATE39345", () => {
  const cable = parseTelegram(readSeed("09STATE39345"));
  const suggestions = suggestPositions(cable.paragraphs);

  it("suggests support from France, Germany, the UK, Italy, Turkey, Croatia and Albania in paragraph 3", () => {
    const support = suggestions.filter((s) => s.stance === "supports");
    expect(support.map((s) => s.country)).toEqual(["FR", "DE", "GB", "IT", "TR", "HR", "AL"]);
    for (const s of support) {
      expect(s.hedged).toBe(false);
      expect(cable.paragraphs[s.paragraph]?.number).toBe(3);
      expect(s.sentence).toMatch(/^Delegations from France.*can be counted on to support/);
    }
  });

  it("suggests possible opposition from Serbia, Russia, Cuba, Cyprus, Spain and Venezuela in paragraph 3", () => {
    const opposition = suggestions.filter((s) => s.stance === "opposes" && s.hedged);
    expect(opposition.map((s) => s.country)).toEqual(["RS", "RU", "CU", "CY", "ES", "VE"]);
    for (const s of opposition) expect(cable.paragraphs[s.paragraph]?.number).toBe(3);
  });

  it("reads paragraph 5's stated facts and not the neighbours 'save Serbia' as recognizing", () => {
    const rest = suggestions.filter((s) => cable.paragraphs[s.paragraph]?.number !== 3);
    expect(rest.map((s) => `${s.country} ${s.stance}`)).toEqual(["US recognizes", "RS opposes"]);
    expect(rest.find((s) => s.country === "RS")?.sentence).toContain("so long as Serbia opposes it");
  });

  it("suggests nothing from 08STATE16245", () => {
    expect(suggestPositions(parseTelegram(readSeed("08STATE16245")).paragraphs)).toEqual([]);
  });
});

describe("stances", () => {
  it.each([
    ["Spain will not recognize Kosovo.", ["ES does_not_recognize"]],
    ["Romania and Slovakia have not yet recognized Kosovo.", ["RO does_not_recognize", "SK does_not_recognize"]],
    ["Greece refused to recognize the declaration.", ["GR does_not_recognize"]],
    ["Japan has recognized Kosovo.", ["JP recognizes"]],
    ["Kosovo was recognized by Norway, Sweden and Denmark.", ["NO recognizes", "SE recognizes", "DK recognizes"]],
    ["China and Russia voted against the resolution.", ["CN opposes", "RU opposes"]],
    ["India abstained.", ["IN abstains"]],
    ["Brazil voted in favor of the resolution.", ["BR supports"]],
    ["HMG strongly supports the application.", ["GB supports"]],
    ["GOF may oppose the text.", ["FR opposes (hedged)"]],
    ["The Turks will support us.", ["TR supports"]],
    ["Argentina does not support the draft.", ["AR opposes"]],
    ["We expect support from Poland and the Czech Republic.", ["PL supports", "CZ supports"]],
  ])("%s", (sentence, expected) => {
    expect(one(sentence)).toEqual(expected);
  });

  it.each([
    "Kosovo declared independence from Serbia on February 17, 2008.",
    "All of Kosovo's neighbors save Serbia have recognized Kosovo.",
    "States opposed to Kosovo's statehood may block its participation.",
    "We encourage more countries to recognize Kosovo.",
    "Kosovo has embassies in Ankara, Berlin and Paris.",
    "The ambassador discussed turkey and chad recipes for the holiday.",
    "We support Kosovo's integration into international bodies.",
    "Serbia's position was discussed; the meeting then recognized the chair.",
  ])("suggests nothing from: %s", (sentence) => {
    expect(one(sentence)).toEqual([]);
  });

  it("reads telegrams written in capitals, without taking the pronoun US for a country", () => {
    expect(one("FRANCE AND GERMANY VOTED AGAINST. THEY TOLD US THEY ABSTAINED.")).toEqual(["FR opposes", "DE opposes"]);
  });
});

describe("country mentions", () => {
  it("finds names, aliases, government abbreviations and peoples", () => {
    const found = findCountryMentions("HMG, GOF, the Turks, Russia, the Russian Federation and South Korea");
    expect(found.map((m) => [m.iso2, m.text])).toEqual([
      ["GB", "HMG"],
      ["FR", "GOF"],
      ["TR", "Turks"],
      ["RU", "Russia"],
      ["RU", "the Russian Federation"],
      ["KR", "South Korea"],
    ]);
  });
});

describe("positions on a question's scale", () => {
  it("maps a hedged opposition to leaning against and a recognition to recognizes", () => {
    expect(positionForStance({ positions: DEFAULT_POSITIONS }, "opposes", true)).toBe("leaning_against");
    expect(positionForStance({ positions: DEFAULT_POSITIONS }, "supports", false)).toBe("supports");
    expect(positionForStance(KOSOVO_RECOGNITION, "does_not_recognize", false)).toBe("does_not_recognize");
    expect(positionForStance(KOSOVO_RECOGNITION, "supports", false)).toBeNull();
  });
});

describe("on any text", () => {
  const words = fc.constantFrom(
    "France",
    "the UK",
    "Serbia's",
    "has recognized",
    "will not recognize",
    "voted against",
    "abstained",
    "from",
    "opposition",
    "might emerge",
    "save",
    ",",
    "and",
    ".",
    "\n\n",
    "support",
    "HMG",
    "US",
    "turkey",
  );
  it("never throws and points every suggestion at a real paragraph and a sentence in it", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.oneof(words, fc.string()), { maxLength: 30 }), { maxLength: 6 }), (paras) => {
        const paragraphs = paras.map((p) => ({ text: p.join(" ") }));
        for (const s of suggestPositions(paragraphs)) {
          const text = paragraphs[s.paragraph]?.text.replace(/\s+/g, " ");
          expect(text).toContain(s.sentence);
          expect(s.sentence).toContain(s.mention);
        }
      }),
      { numRuns: 300 },
    );
  });
});
