// Golden values from real cables of both shared corpora (issue 18): for each kind of text the parser once missed, a
// cable that has it and the value a careful reader sees. Skips visibly without ../shared.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Cable } from "../src/core/index.ts";
import { parseTelegram } from "../src/telegram/index.ts";
import { SHARED_DIR, sharedAvailable } from "./helpers/shared-data.ts";

const present =
  sharedAvailable("corpus/cablegate/index.jsonl", "golden corpus cables") &&
  sharedAvailable("corpus/cablegate-2011/index.jsonl", "golden corpus cables");

function parsed(corpus: string, id: string): Cable {
  return parseTelegram(readFileSync(join(SHARED_DIR, "corpus", corpus, `${id}.txt`), "utf8"));
}

describe.skipIf(!present)("golden values from the shared corpora", () => {
  describe("signers", () => {
    it.each([
      ["cablegate", "06ISLAMABAD22174", "CROCKER", "End comment."],
      ["cablegate-2011", "06BAKU1661", "DERSE", "END COMMENT."],
    ])("%s %s: %s, run on after the last sentence, is taken off the paragraph", (corpus, id, signer, end) => {
      const cable = parsed(corpus, id);
      expect(cable.signers).toEqual([signer]);
      expect(cable.paragraphs.at(-1)?.text.endsWith(end)).toBe(true);
    });

    it.each([
      ["cablegate-2011", "08MADRID492", "Llorens"],
      ["cablegate-2011", "10AMMAN329", "Beecroft"],
    ])("%s %s: a surname in mixed case on the last line is the signer %s", (corpus, id, signer) => {
      expect(parsed(corpus, id).signers).toEqual([signer]);
    });

    it("cablegate-2011 09LONDON2785: a signer after the redacted website line, and the viewer's end mark ignored", () => {
      expect(parsed("cablegate-2011", "09LONDON2785").signers).toEqual(["Susman"]);
    });
  });

  describe("Classified By", () => {
    it("cablegate-2011 08MANAMA479: run on from the REF line of a joined body, before the first portion mark", () => {
      expect(parsed("cablegate-2011", "08MANAMA479").classifiedBy).toEqual({
        name: "Christopher Henzel",
        title: "CDA",
        reasons: ["1.4(b)", "1.4(d)"],
      });
    });

    it("cablegate-2011 05BRASILIA1081: run on from the REF line, reasons after a full stop", () => {
      expect(parsed("cablegate-2011", "05BRASILIA1081").classifiedBy).toEqual({
        name: "JOHN J. DANILOVICH",
        title: "AMBASSADOR",
        reasons: ["1.4(b)", "1.4(d)"],
      });
    });
  });
});
