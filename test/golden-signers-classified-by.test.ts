// Golden values from real cables of both shared corpora (issue 18, part A): for each kind of signature, Classified By
// line and SUBJECT line the parser once missed, a cable that has it and the value a careful reader sees. Skips visibly
// without ../shared.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Cable } from "../src/core/index.ts";
import { parseTelegram } from "../src/telegram/index.ts";
import { SHARED_DIR, sharedAvailable } from "./helpers/shared-data.ts";

const present =
  sharedAvailable("corpus/cablegate/index.jsonl", "golden signers, Classified By and subjects") &&
  sharedAvailable("corpus/cablegate-2011/index.jsonl", "golden signers, Classified By and subjects");

function parsed(corpus: string, id: string): Cable {
  return parseTelegram(readFileSync(join(SHARED_DIR, "corpus", corpus, `${id}.txt`), "utf8"));
}

describe.skipIf(!present)("golden signers, Classified By and subjects from the shared corpora", () => {
  describe("signers", () => {
    it.each([
      ["cablegate-2011", "06TRIPOLI498", ["GOLDRICH", "BERRY"], "two names on the last two lines are two signers"],
      ["cablegate", "06LAPAZ3400", ["GOLDBERG"], "the viewer's database query after the name is not the cable's"],
      ["cablegate-2011", "06BOGOTA1082", ["WOOD"], "the viewer's end mark and what it printed after it are left out"],
      ["cablegate-2011", "06BERN1867", ["CONEWAY"], "the archive's continuation backslashes do not hide the name"],
      ["cablegate", "06PARIS7424", ["STAPLETON"], "a name under the post's website notice"],
      ["cablegate-2011", "08LONDON1160", ["TUTTLE"], "a name run on after the website's broken address"],
      ["cablegate", "10ANKARA302", ["Jeffrey"], "a name followed by the website notice"],
      ["cablegate-2011", "09MEXICO160", ["BASSETT"], "a name followed by a date line"],
      ["cablegate-2011", "06MOSCOW3335", ["BURNS"], "a name run on with an export's date after it"],
      ["cablegate", "08KUWAIT128", ["misenheimer"], "a name in lower case under the asterisks of the website notice"],
      ["cablegate-2011", "09REYKJAVIK49", ["VAN VOORST"], "a name followed by a page number and a lone marking"],
    ])("%s %s: %j (%s)", (corpus, id, signers) => {
      expect(parsed(corpus, id).signers).toEqual(signers);
    });

    it("cablegate 06PARIS7424: the website notice stays in the last paragraph, the signer does not", () => {
      const cable = parsed("cablegate", "06PARIS7424");
      expect(cable.paragraphs.at(-1)?.text).not.toContain("STAPLETON");
    });
  });

  describe("Classified By", () => {
    it.each([
      ["cablegate", "08DJIBOUTI380", "ERIC WONG", "CHARGE D’AFFAIRES, A.I", [], "the name before its title"],
      [
        "cablegate-2011",
        "08LAHORE315",
        "Clinton Taylor",
        "Acting Principal Officer, Consulate Lahore, US DoS",
        [],
        "the name before title and office, separated by commas",
      ],
      [
        "cablegate",
        "09BEIJING2112",
        "Aubrey Carlson",
        "Political Minister Counselor",
        ["1.4(b)", "1.4(d)"],
        "reasons after a full stop, their number wrapped as `1.` / `4 (b/d)`",
      ],
      ["cablegate", "07BUENOSAIRES1888", "Tom Kelly", "DCM", ["1.4(b)", "1.4(d)"], "reasons given as letters alone"],
      [
        "cablegate",
        "09PARIS1526",
        "Kathleen Allegrone",
        "Minister Counselor",
        ["1.4(b)", "1.4(d)"],
        "the label written twice, the name first, `r eason` wrapped",
      ],
      [
        "cablegate",
        "07HARARE638",
        "Christopher W. Dell",
        "Ambassador",
        ["1.4(b)", "1.4(d)"],
        "reasons under Section 1.4b/d",
      ],
      [
        "cablegate",
        "05PARIS1699",
        "JOSIAH ROSENBLATT",
        "POLITICAL MINISTER-COUNSELOR",
        ["1.4(b)", "1.4(d)"],
        "a hyphenated title and `REAS ONS` wrapped",
      ],
    ])("%s %s: %s, %s, %j (%s)", (corpus, id, name, title, reasons) => {
      expect(parsed(corpus, id).classifiedBy).toEqual({ name, title, reasons });
    });
  });

  describe("subjects", () => {
    it.each([
      [
        "cablegate-2011",
        "09CAIRO2299",
        "NDP REFORMER SEES LIMITED OPPORTUNITIES FOR PROGRESS",
        "REF and Classified By run on after it are not part of it",
      ],
      [
        "cablegate",
        "10MANAGUA115",
        "Ortega and the U.S.: New-Found True Love Or Another Still-Born Charm Offensive?",
        "the portion mark before it is not part of it",
      ],
      [
        "cablegate-2011",
        "09CAIRO1046",
        "H1N1 OUTBREAK SHUTS DOWN AMERICAN UNIVERSITY IN CAIRO",
        "the handling note and the first paragraph after it are not part of it",
      ],
      [
        "cablegate-2011",
        "09CAIRO1787",
        "EGIS CHIEF SOLIMAN AND U.S. AFRICA COMMAND DISCUSS SUDAN AND SOMALIA",
        "the subject on the line after a bare SUBJECT:",
      ],
      [
        "cablegate-2011",
        "06LIMA2366",
        "CONGRESSMAN MEEKS DISCUSSES TRADE AND DEMOCRACY WITH PRESIDENT TOLEDO",
        "two lines, after long handling lines",
      ],
      [
        "cablegate",
        "09BRASILIA952",
        "BRAZIL,S AIR FORCE COMMANDER ASKS FOR STATE ASSURANCES ON TECH TRANSFER BY AUGUST 6",
        "after a misspelt TAG line",
      ],
      [
        "cablegate-2011",
        "06GENEVA1673",
        "HRC: SPECIAL SESSION ON PALESTINE",
        "lines ending in the archive's continuation backslash",
      ],
    ])("%s %s: %s (%s)", (corpus, id, subject) => {
      expect(parsed(corpus, id).subject).toBe(subject);
    });
  });
});
