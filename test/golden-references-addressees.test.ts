// Golden values from real cables of both shared corpora (issue 18) for references, addressees and the cable's own
// number and markings: for each kind of text the parser once missed, a cable that has it and the value a careful
// reader sees. Skips visibly without ../shared.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Addressee, Cable } from "../src/core/index.ts";
import { readDefaultDirectory } from "../src/services/directory/load-default-directory.ts";
import { describePlad } from "../src/services/directory/describe-plad.ts";
import { directoryNames, indexErrorRule } from "../src/services/fidelity/index.ts";
import { parseTelegram, type ParseOptions } from "../src/telegram/index.ts";
import { SHARED_DIR, sharedAvailable } from "./helpers/shared-data.ts";

const present =
  sharedAvailable("corpus/cablegate/index.jsonl", "golden references and addressees") &&
  sharedAvailable("corpus/cablegate-2011/index.jsonl", "golden references and addressees");

function textOf(corpus: string, id: string): string {
  return readFileSync(join(SHARED_DIR, "corpus", corpus, `${id}.txt`), "utf8");
}

function parsed(corpus: string, id: string, options: ParseOptions = {}): Cable {
  return parseTelegram(textOf(corpus, id), options);
}

const refs = (cable: Cable) => cable.references.map((r) => [r.label, r.id]);

function addressees(cable: Cable): Addressee[] {
  return [...(cable.from ? [cable.from] : []), ...cable.to, ...cable.info, ...cable.exclusions];
}

describe.skipIf(!present)("golden references, addressees and markings from the shared corpora", () => {
  describe("references", () => {
    it("cablegate 08CASABLANCA81: CASA, the post's short form of CASABLANCA, cites 05CASABLANCA1220", () => {
      expect(refs(parsed("cablegate", "08CASABLANCA81"))).toEqual([
        ["A", "05CASABLANCA1220"],
        ["B", "07CASABLANCA169"],
      ]);
    });

    it("cablegate-2011 09THEHAGUE271: HAGUE 264 without a year is The Hague's cable of the citing year", () => {
      expect(refs(parsed("cablegate-2011", "09THEHAGUE271"))).toEqual([[null, "09THEHAGUE264"]]);
    });

    it("cablegate-2011 05BOGOTA3726: a partial extract's references take the year of the cable's own number", () => {
      expect(refs(parsed("cablegate-2011", "05BOGOTA3726", { year: 2005 }))).toEqual([
        ["A", "05BOGOTA1775"],
        ["B", "05BOGOTA3422"],
        ["C", "05CARACAS951"],
      ]);
    });

    it("cablegate-2011 06GENEVA2030: doubled labels (A. A.), the viewer's ¶B. and a page header are not references", () => {
      expect(refs(parsed("cablegate-2011", "06GENEVA2030"))).toEqual([
        ["A", "06GENEVA1954"],
        ["B", "06STATE130904"],
        ["C", "06STATE130145"],
        ["D", "06GENEVA1675"],
        ["E", "06GENEVA1673"],
      ]);
    });

    it("cablegate 05MADRID4026: REF: REF (A) ... with the keyword repeated reads three labelled references", () => {
      expect(parsed("cablegate", "05MADRID4026", { year: 2005 }).references.map((r) => r.label)).toEqual([
        "A",
        "B",
        "C",
      ]);
    });

    it("cablegate-2011 04BRASILIA2129: (C) opening a line of the REF list is its third item, not a CONFIDENTIAL paragraph", () => {
      expect(parsed("cablegate-2011", "04BRASILIA2129", { year: 2004 }).references.map((r) => r.text)).toEqual([
        "Brasilia 1835",
        "USUN 1593",
        "State 152009",
      ]);
    });

    it("cablegate 08LONDON2765: a REF list after a subject wrapped over a blank line is still read", () => {
      expect(refs(parsed("cablegate", "08LONDON2765"))).toEqual([
        ["A", "08LONDON2666"],
        ["B", "08LONDON2603"],
      ]);
    });

    it("cablegate-2011 06BUENOSAIRES1610: a REF line after a subject split by blank lines cites 05BUENOSAIRES141", () => {
      expect(refs(parsed("cablegate-2011", "06BUENOSAIRES1610"))).toEqual([[null, "05BUENOSAIRES141"]]);
    });
  });

  describe("addressees", () => {
    const known = directoryNames(readDefaultDirectory());

    it("cablegate-2011 05NEWDELHI9761: PACOM IDHS HONOLULU HI is a military addressee the directory resolves", () => {
      const pacom = addressees(parsed("cablegate-2011", "05NEWDELHI9761")).find((a) => a.name.startsWith("PACOM"));
      expect(pacom).toMatchObject({ route: "RHHJJPI", name: "PACOM IDHS HONOLULU HI" });
      expect(describePlad(pacom!.name)?.kind).toBe("military");
      expect(known(pacom!)).toBe(true);
    });

    it("cablegate-2011 08STATE85598: HQ DA WASHINGTON DC, the Army staff, is military and resolved", () => {
      const army = addressees(parsed("cablegate-2011", "08STATE85598")).find((a) => a.name === "HQ DA WASHINGTON DC");
      expect(army).toMatchObject({ route: "RUEADWD", precedence: "IMMEDIATE" });
      expect(describePlad(army!.name)?.kind).toBe("military");
      expect(known(army!)).toBe(true);
    });

    it("cablegate-2011 06BERN1553: the viewer's trailing backslash is not part of AMEMBASSY BERN", () => {
      const names = addressees(parsed("cablegate-2011", "06BERN1553")).map((a) => a.name);
      expect(names).toContain("AMEMBASSY BERN");
      expect(names.some((n) => n.includes("\\"))).toBe(false);
    });

    it.each([
      ["cablegate-2011", "06BRASILIA1910", "USMISSION GENEVA"],
      ["cablegate", "09BAKU179", "AMEMBASSY NEW DELHI"],
    ])("%s %s: %s with a misspelt PRIORITY keeps its name and precedence", (corpus, id, name) => {
      const a = addressees(parsed(corpus, id)).find((x) => x.name === name);
      expect(a?.precedence).toBe("PRIORITY");
    });

    it("cablegate-2011 06MEXICO2460: a TAGS line in the header is not an addressee", () => {
      expect(addressees(parsed("cablegate-2011", "06MEXICO2460")).some((a) => /TAGS/.test(a.name))).toBe(false);
    });
  });

  describe("the cable's number, markings and TAGS", () => {
    it("cablegate-2011 05CAIRO8938: the classification line run into the viewer's Cable dated: banner numbers the cable", () => {
      const cable = parsed("cablegate-2011", "05CAIRO8938", { year: 2005 });
      expect([cable.id, cable.classification]).toEqual(["05CAIRO8938", "CONFIDENTIAL"]);
    });

    it("cablegate-2011 09STATE30927: the classification line inside a CSV record numbers the cable", () => {
      const cable = parsed("cablegate-2011", "09STATE30927");
      expect([cable.id, cable.classification]).toEqual(["09STATE30927", "SECRET"]);
    });

    it("cablegate-2011 08LONDON2363: NOFORN run into the E.O. line is a caveat", () => {
      expect(parsed("cablegate-2011", "08LONDON2363").caveats).toContain("NOFORN");
    });

    it("cablegate-2011 06SAOPAULO357: SENSITIVE SIPDIS at the end of a handling line marks the cable SBU", () => {
      expect(parsed("cablegate-2011", "06SAOPAULO357").caveats).toContain("SENSITIVE");
    });

    it("cablegate-2011 10TASHKENT27: TAGS past a long list of PASS TO lines are read", () => {
      expect(parsed("cablegate-2011", "10TASHKENT27").tags).toEqual(["ECON", "EPET", "UZ"]);
    });
  });

  describe("index errors excused by rule, with the text as evidence", () => {
    it("cablegate-2011 06BRASILIA2246: the index adds NOFORN to a cable whose text never gives it", () => {
      const text = textOf("cablegate-2011", "06BRASILIA2246");
      expect(indexErrorRule("classification", "CONFIDENTIAL//NOFORN", "CONFIDENTIAL", text)).not.toBeNull();
      expect(indexErrorRule("classification", "CONFIDENTIAL//NOFORN", "CONFIDENTIAL", `${text}\nNOFORN\n`)).toBeNull();
    });

    it("cablegate-2011 08ECTION01OF02MANAMA492: the index id holds a misread SECTION line; the text says MANAMA 000492", () => {
      const cable = parsed("cablegate-2011", "08ECTION01OF02MANAMA492");
      expect(cable.id).toBe("08MANAMA492");
      const text = textOf("cablegate-2011", "08ECTION01OF02MANAMA492");
      expect(indexErrorRule("id", "08ECTION01OF02MANAMA492", cable.id!, text)).not.toBeNull();
    });
  });
});
